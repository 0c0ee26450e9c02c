package io.clusterbench.probe.host;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.probe.MeasurementBuilder;
import io.clusterbench.probe.ProbeContext;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.spec.HostSpec;
import io.clusterbench.ssh.SshConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Measures the hosts of a host or gpu probe in parallel, one thread per host and at most {@value #MAX_THREADS} at
 * once, so that an unreachable host (which costs a connect timeout) holds up no other while threads are free; the
 * results are gathered in the spec's host order so that the metrics come out in a stable order.
 */
final class PerHost {
    private static final int MAX_THREADS = 16;

    /** How often a pause looks at the stop signal. */
    private static final long STOP_POLL_MILLIS = 50;

    /** What a probe does on one host. */
    @FunctionalInterface
    interface Measure {
        void measure(SshConnection connection, HostReport report, StopSignal stop) throws ClusterBenchException;
    }

    private PerHost() {
    }

    /** Runs {@code measure} on each host and returns the probe's measurement. */
    static ProbeMeasurement run(ProbeContext context, Measure measure) {
        List<String> hosts = context.probe().hosts();
        MeasurementBuilder measurement = context.measure(target(context));
        context.progress().expect(hosts.size());
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(hosts.size(), MAX_THREADS)), r -> {
            Thread thread = new Thread(r, "clusterbench-" + context.probe().id() + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<HostReport>> pending = new ArrayList<>();
            for (String host : hosts) {
                pending.add(pool.submit(() -> measureOne(context, host, measure)));
            }
            for (int i = 0; i < hosts.size(); i++) {
                HostReport report = await(pending.get(i), hosts.get(i));
                measurement.metrics(report.metrics());
                report.failures().forEach(f -> measurement.error(f.kind(), f.message()));
            }
        } finally {
            pool.shutdownNow();
        }
        return measurement.finish();
    }

    /**
     * Waits {@code length}, or less when the run is stopped first; false when stopped (or interrupted).
     *
     * <p>This is the probe's own sampling interval, not a synchronisation: it must pass between two readings.
     */
    static boolean pause(Duration length, StopSignal stop) {
        long deadline = System.nanoTime() + length.toNanos();
        try {
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                if (stop.raised()) {
                    return false;
                }
                Thread.sleep(Math.max(1, Math.min(left / 1_000_000, STOP_POLL_MILLIS)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !stop.raised();
    }

    private static HostReport measureOne(ProbeContext context, String host, Measure measure) {
        HostReport report = new HostReport(host);
        try {
            measure.measure(context.ssh().connection(host), report, context.stop());
        } catch (ClusterBenchException e) {
            report.error(SshFailures.kind(e), e.getMessage());
        } catch (RuntimeException bug) {
            // One host's surprise must not cost the other hosts their numbers.
            report.error(ErrorKind.INTERNAL, "internal error while measuring host " + host + " (please report it): "
                    + bug);
        }
        context.progress().completed();
        if (!report.failures().isEmpty()) {
            context.progress().failed();
        }
        return report;
    }

    private static HostReport await(Future<HostReport> pending, String host) {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            return interrupted(host);
        } catch (CancellationException e) {
            return interrupted(host);
        } catch (ExecutionException e) {
            HostReport report = new HostReport(host);
            report.error(ErrorKind.INTERNAL, "internal error while measuring host " + host + ": " + e.getCause());
            return report;
        }
    }

    private static HostReport interrupted(String host) {
        HostReport report = new HostReport(host);
        report.error(ErrorKind.STOPPED, "host " + host + " was not measured: the probe was interrupted");
        return report;
    }

    /** {@code ssh://user@host1,user@host2}, by host id: what the probe measured, without credentials. */
    static String target(ProbeContext context) {
        return "ssh://" + context.probe().hosts().stream().map(id -> {
            HostSpec host = context.cluster().hosts().get(id);
            return host == null ? id : host.user() + "@" + id;
        }).collect(Collectors.joining(","));
    }
}
