package io.clusterbench.cli;

import io.clusterbench.control.BenchmarkListener;
import io.clusterbench.control.ProbeProgress;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.ProbeMeasurement;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints one line per running probe every progress interval: probe, done/total, the rate since the previous
 * line, and errors so far; and one line when a probe ends.
 */
final class ProgressPrinter implements BenchmarkListener {
    private final PrintWriter out;
    private final Map<String, Reading> previous = new ConcurrentHashMap<>();

    ProgressPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void note(String line) {
        out.println(line);
    }

    @Override
    public void probeStarted(String probe) {
        previous.put(probe, new Reading(0, System.nanoTime()));
        synchronized (out) {
            out.println("  " + probe + ": started");
            out.flush();
        }
    }

    @Override
    public void progress(Duration elapsed, List<ProbeProgress.Snapshot> running) {
        long now = System.nanoTime();
        synchronized (out) {
            for (ProbeProgress.Snapshot snapshot : running) {
                Reading before = previous.getOrDefault(snapshot.probe(), new Reading(0, now));
                double seconds = Math.max(1e-9, (now - before.nanos()) / 1e9);
                double rate = (snapshot.done() - before.done()) / seconds;
                previous.put(snapshot.probe(), new Reading(snapshot.done(), now));
                String total = snapshot.total() >= 0 ? "/" + snapshot.total() : "";
                out.printf("  [%8s] %-20s %d%s done, %s/s, %d errors%n", Numbers.duration(elapsed),
                        snapshot.probe(), snapshot.done(), total, Numbers.format(rate), snapshot.errors());
            }
            out.flush();
        }
    }

    @Override
    public void probeFinished(ProbeMeasurement measurement, Path resultFile) {
        previous.remove(measurement.probe());
        synchronized (out) {
            out.printf("  %s: %s in %s%s%n", measurement.probe(), measurement.status(),
                    Numbers.duration(measurement.duration()),
                    measurement.errors().isEmpty() ? "" : " (" + measurement.errors().get(0).message() + ")");
            out.flush();
        }
    }

    private record Reading(long done, long nanos) {
    }
}
