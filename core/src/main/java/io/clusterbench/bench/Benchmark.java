package io.clusterbench.bench;

import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.probe.Probe;
import io.clusterbench.probe.ProbeContext;
import io.clusterbench.probe.ProbeProgress;
import io.clusterbench.probe.StopSignal;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunIds;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ToolInfo;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.ProbeSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.ssh.RunSshHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Runs a spec's probes and writes {@code result.json}.
 *
 * <p>Probes are grouped by what they load (a service, or a set of hosts): groups run in parallel, up to the spec's
 * {@code maxParallelProbes}, and the probes of one group run one after another so that they never distort each
 * other's numbers. After every finished probe, {@code result.json} is rewritten with everything measured so far,
 * so a run that is stopped or killed half-way keeps what it measured.
 *
 * <p>Usage: {@code RunResult result = new Benchmark(ProbeRegistry.standard(), SecretResolver.system(),
 * Clock.systemUTC()).run(loaded, "cluster.yaml", BenchmarkOptions.into(out), listener, new StopSignal());}
 */
public final class Benchmark {
    private final ProbeRegistry registry;
    private final SecretResolver secrets;
    private final Clock clock;

    public Benchmark(ProbeRegistry registry, SecretResolver secrets, Clock clock) {
        this.registry = registry;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Runs the probes; returns what was measured, also when stopped.
     *
     * @throws ClusterBenchException when the run cannot start: an unknown probe in {@code only}, an unwritable
     *     output folder
     */
    public RunResult run(LoadedSpec loaded, String specFile, BenchmarkOptions options, BenchmarkListener listener,
            StopSignal stop) throws ClusterBenchException {
        ClusterSpec spec = loaded.spec();
        List<ProbeSpec> selected = ProbeSelection.select(spec, options.only());
        Path resultFile = prepareOutput(options.outDir());
        RunRecord record = new RunRecord(spec, loaded.sha256(), specFile, selected, resultFile, clock.instant());
        int parallel = Math.max(1, options.maxParallel().orElse(spec.settings().maxParallelProbes()));
        List<List<ProbeSpec>> groups = ProbeSelection.groupByLoadedTarget(selected);

        Map<String, ProbeProgress> running = new ConcurrentHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, groups.size())),
                daemon("clusterbench-probe"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("clusterbench-progress"));
        long intervalMillis = options.progressInterval().toMillis();
        ticker.scheduleAtFixedRate(
                () -> listener.progress(Duration.between(record.startedAt(), clock.instant()),
                        running.values().stream().map(ProbeProgress::snapshot).toList()),
                intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        try (RunSshHosts ssh = new RunSshHosts(spec, secrets)) {
            List<Future<?>> futures = new ArrayList<>();
            for (List<ProbeSpec> group : groups) {
                futures.add(workers.submit(() -> {
                    for (ProbeSpec probe : group) {
                        ProbeMeasurement measurement = stop.raised()
                                ? skipped(probe, "not started: the run was stopped first")
                                : runOne(spec, probe, ssh, stop, running, listener);
                        record.add(measurement, clock.instant(), ssh.insecureHosts());
                        listener.probeFinished(measurement, resultFile);
                    }
                }));
            }
            awaitAll(futures, stop);
            return record.write(clock.instant(), ssh.insecureHosts());
        } finally {
            ticker.shutdownNow();
            workers.shutdownNow();
        }
    }

    private ProbeMeasurement runOne(ClusterSpec spec, ProbeSpec probe, RunSshHosts ssh, StopSignal stop,
            Map<String, ProbeProgress> running, BenchmarkListener listener) {
        Probe implementation = registry.probe(probe.kind()).orElse(null);
        if (implementation == null) {
            return skipped(probe, "no implementation of probe kind '" + probe.kind().word() + "' in this build");
        }
        ProbeProgress progress = new ProbeProgress(probe.id());
        running.put(probe.id(), progress);
        listener.probeStarted(probe.id());
        try {
            return implementation.run(new ProbeContext(spec, probe, secrets, ssh, progress, stop, clock));
        } catch (RuntimeException bug) {
            // A bug in one probe must not cost the numbers of the others: record it as this probe's failure.
            Instant now = clock.instant();
            return new ProbeMeasurement(probe.id(), probe.kind().word(), "-", ProbeStatus.FAILED, now, now,
                    List.of(), List.of(), List.of(new ProbeError("internal",
                            "internal error in the " + probe.kind().word() + " probe (please report it): " + bug,
                            1, now)));
        } finally {
            running.remove(probe.id());
        }
    }

    private ProbeMeasurement skipped(ProbeSpec probe, String why) {
        Instant now = clock.instant();
        return new ProbeMeasurement(probe.id(), probe.kind().word(), "-", ProbeStatus.SKIPPED, now, now,
                List.of(), List.of(), List.of(new ProbeError("skipped", why, 1, now)));
    }

    private static void awaitAll(List<Future<?>> futures, StopSignal stop) throws ClusterBenchException {
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                stop.raise();
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                throw new IllegalStateException("a probe group failed outside its probes", e.getCause());
            }
        }
    }

    private static Path prepareOutput(Path outDir) throws ClusterBenchException {
        try {
            Files.createDirectories(outDir);
            Path check = Files.createTempFile(outDir, ".write-check", ".tmp");
            Files.delete(check);
        } catch (IOException e) {
            throw new ClusterBenchException(Kind.ENVIRONMENT, "cannot write into " + outDir + " (" + e.getMessage()
                    + "); choose a writable folder with --out");
        }
        return outDir.resolve(ResultFiles.RESULT_JSON);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The result under construction, rewritten to disk after every probe. */
    private static final class RunRecord {
        private final ClusterSpec spec;
        private final String sha256;
        private final String specFile;
        private final List<ProbeSpec> order;
        private final Path resultFile;
        private final Instant startedAt;
        private final Map<String, ProbeMeasurement> done = new ConcurrentHashMap<>();
        private final String runId;

        RunRecord(ClusterSpec spec, String sha256, String specFile, List<ProbeSpec> order, Path resultFile,
                Instant startedAt) {
            this.spec = spec;
            this.sha256 = sha256;
            this.specFile = specFile;
            this.order = order;
            this.resultFile = resultFile;
            this.startedAt = startedAt;
            this.runId = RunIds.next(startedAt);
        }

        Instant startedAt() {
            return startedAt;
        }

        synchronized void add(ProbeMeasurement measurement, Instant now, List<String> insecureHosts) {
            done.put(measurement.probe(), measurement);
            try {
                write(now, insecureHosts);
            } catch (ClusterBenchException e) {
                // The final write reports the problem; an intermediate one must not stop the load.
            }
        }

        synchronized RunResult write(Instant now, List<String> insecureHosts) throws ClusterBenchException {
            List<ProbeMeasurement> measurements = order.stream()
                    .map(probe -> done.get(probe.id()))
                    .filter(Objects::nonNull)
                    .toList();
            RunResult result = new RunResult(RunResult.SCHEMA_VERSION, runId, spec.name(), specFile, sha256,
                    ToolInfo.current(), startedAt, now, insecureHosts, measurements);
            ResultFiles.write(result, resultFile);
            return result;
        }
    }
}
