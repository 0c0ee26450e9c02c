package io.clusterbench.bench;

import io.clusterbench.result.Disturbance;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.HostSpec;
import io.clusterbench.spec.ProbeSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.ServiceSpec;
import io.clusterbench.ssh.RunSshHosts;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The quiet-cluster check made before each measured condition: whether anything other than the run loads the
 * targets of the given probes (docs/scoring.md#quiet-cluster-check).
 *
 * <p>Redis: other clients' commands per second ({@link RedisOtherClients}, limit 50). OpenAI-compatible servers:
 * {@code vllm:num_requests_running} on {@code /metrics} (limit 0). Hosts of host and gpu probes: the run queue and
 * load1 both above the CPUs ({@link RunQueue}). Http, chroma and promql probes have no reliable signal and are not
 * checked. Each target is checked once, however many probes measure it, and all targets at once, so the whole
 * check takes about as long as its slowest target (some 250 ms when every target answers).
 *
 * <p>A check that cannot be made (a target that does not answer, a secret that cannot be read, a server without
 * the signal) finds nothing: the probe reports a target it cannot reach, and a missing signal is no evidence of load.
 */
public final class QuietCheck {
    /**
     * The longest the whole check waits; past it, targets still unanswered are given up as unchecked. Each target's
     * own timeouts (2 s for redis and http, 5 s for an ssh command) end it sooner; an ssh connection opened for the
     * first time can take up to its host's connectTimeout.
     */
    static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final int MAX_THREADS = 16;

    private QuietCheck() {
    }

    /**
     * The disturbances found on the targets of {@code probes}, in the order of the probes and, for host and gpu
     * probes, of their hosts; empty when every target is quiet. Interrupting the calling thread ends the check with
     * what was found so far and the thread's interrupt flag set.
     */
    public static List<Disturbance> check(ClusterSpec spec, List<ProbeSpec> probes, SecretResolver secrets,
            RunSshHosts ssh) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(ServerRequestsRunning.TIMEOUT).build();
        Map<String, Supplier<Optional<QuietFinding>>> checks = new LinkedHashMap<>();
        Map<String, List<String>> targetsOfProbe = new LinkedHashMap<>();
        for (ProbeSpec probe : probes) {
            List<String> targets = new ArrayList<>();
            switch (probe.kind()) {
                case REDIS -> {
                    ServiceSpec service = service(spec, probe);
                    boolean tls = RedisOtherClients.tls(probe);
                    String target = RedisOtherClients.target(spec, service, tls);
                    checks.putIfAbsent(target, () -> RedisOtherClients.check(spec, service, tls, secrets));
                    targets.add(target);
                }
                case OPENAI -> {
                    ServiceSpec service = service(spec, probe);
                    String target = ServerRequestsRunning.target(service);
                    checks.putIfAbsent(target, () -> ServerRequestsRunning.check(service, secrets, http));
                    targets.add(target);
                }
                case HOST, GPU -> {
                    for (String hostId : probe.hosts()) {
                        HostSpec host = spec.hosts().get(hostId);
                        String target = HostRunQueue.target(host);
                        checks.putIfAbsent(target, () -> HostRunQueue.check(ssh, host));
                        targets.add(target);
                    }
                }
                default -> {
                    // http, chroma, promql: no signal that tells other clients' load from the run's own.
                }
            }
            targetsOfProbe.put(probe.id(), targets);
        }
        Map<String, QuietFinding> found = runAll(checks);
        List<Disturbance> disturbances = new ArrayList<>();
        targetsOfProbe.forEach((probe, targets) -> targets.stream().map(found::get)
                .filter(finding -> finding != null).forEach(finding -> disturbances.add(finding.of(probe))));
        return List.copyOf(disturbances);
    }

    private static ServiceSpec service(ClusterSpec spec, ProbeSpec probe) {
        return spec.services().get(probe.service().orElseThrow(
                () -> new IllegalStateException("probe " + probe.id() + " has no service")));
    }

    /** Runs every target's check at once; returns the findings by target. */
    private static Map<String, QuietFinding> runAll(Map<String, Supplier<Optional<QuietFinding>>> checks) {
        Map<String, QuietFinding> found = new LinkedHashMap<>();
        if (checks.isEmpty()) {
            return found;
        }
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(MAX_THREADS, checks.size()), runnable -> {
            Thread thread = new Thread(runnable, "clusterbench-quiet-check");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, Future<Optional<QuietFinding>>> futures = new LinkedHashMap<>();
            checks.forEach((target, check) -> futures.put(target, threads.submit(check::get)));
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            for (Map.Entry<String, Future<Optional<QuietFinding>>> entry : futures.entrySet()) {
                try {
                    entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                            .ifPresent(finding -> found.put(entry.getKey(), finding));
                } catch (TimeoutException | CancellationException e) {
                    // Unchecked, not disturbed: the probe reports a target that hangs.
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the quiet-cluster check of " + entry.getKey() + " failed",
                            e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return found;
        } finally {
            threads.shutdownNow();
        }
    }
}
