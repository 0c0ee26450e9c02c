package io.clusterbench.trend;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.result.LatencyHistogram;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.result.ToolInfo;
import io.clusterbench.result.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;

/** Writes generated runs into a history folder, as {@code clusterbench run} would leave them. */
final class TrendHistories {

    static final Instant FIRST_START = Instant.parse("2026-01-01T00:00:00Z");
    static final String P99 = "cache.get.p99_ms";
    static final String OPS = "cache.ops_per_s";
    static final String USED_MEMORY = "cache.used_memory";

    private static final ToolInfo TOOL = new ToolInfo("clusterbench", "0.1.0", "17.0.15", "ci-1", "Linux amd64");

    private TrendHistories() {
    }

    /** Run {@code i}'s verdict: pass, warning, fail, inconclusive in turn, and every 7th run not scored at all. */
    static Verdict verdict(int i) {
        if (i % 7 == 6) {
            return null;
        }
        return List.of(Verdict.PASS, Verdict.WARNING, Verdict.FAIL, Verdict.INCONCLUSIVE).get(i % 4);
    }

    /** Run {@code i}'s score, or null when it was not scored. */
    static Double score(int i) {
        return verdict(i) == null ? null : 40 + (i * 37 % 60) + 0.5;
    }

    static double p99(int i) {
        return 1 + (i % 10) * 0.25;
    }

    static String runId(int i) {
        return String.format("2026%04d-run%05d", i / 100, i);
    }

    static Instant startedAt(int i) {
        return FIRST_START.plusSeconds(3600L * i);
    }

    /**
     * Writes runs {@code from} to {@code to - 1}, newest first on disk, into folders whose names do not sort in
     * time order, so that the trend has to order them itself.
     */
    static void write(Path history, int from, int to, List<LatencyHistogram> histograms)
            throws ClusterBenchException {
        for (int i = to - 1; i >= from; i--) {
            String folder = Integer.toHexString(Integer.reverse(i) >>> 8) + "-" + i;
            ResultFiles.write(result(i, histograms), history.resolve(folder).resolve(ResultFiles.RESULT_JSON));
        }
    }

    static RunResult result(int i, List<LatencyHistogram> histograms) {
        Instant start = startedAt(i);
        List<LatencyHistogram> latencies = histograms.isEmpty() ? List.of()
                : List.of(histograms.get(i % histograms.size()));
        ProbeMeasurement cache = new ProbeMeasurement("cache", "redis", "redis://127.0.0.1:6379", ProbeStatus.OK,
                start, start.plusSeconds(10),
                List.of(MetricValue.of("get.p50_ms", p99(i) / 3, "ms"),
                        MetricValue.of("get.p99_ms", p99(i), "ms"),
                        MetricValue.of("ops_per_s", 40_000 + i, "ops/s"),
                        MetricValue.of("used_memory", 1_000_000 + i, "bytes"),
                        MetricValue.of("connected_clients", 50, "count")),
                latencies, List.of());
        ProbeMeasurement lb = new ProbeMeasurement("lb", "http", "http://127.0.0.1:8080/", ProbeStatus.OK,
                start.plusSeconds(10), start.plusSeconds(20),
                List.of(MetricValue.of("requests_per_s", 900 + i % 50, "req/s"),
                        MetricValue.of("p50_ms", 3.5, "ms"),
                        MetricValue.of("p99_ms", 12 + i % 5, "ms"),
                        MetricValue.of("errors", 0, "count")),
                latencies.isEmpty() ? List.of() : List.of(histograms.get((i + 1) % histograms.size())), List.of());
        ProbeMeasurement memory = new ProbeMeasurement("memory", "host", "ops@sark", ProbeStatus.OK,
                start.plusSeconds(20), start.plusSeconds(21),
                List.of(MetricValue.of("sark.used_pct", 60 + i % 20, "percent"),
                        MetricValue.of("sark.load1", 1.5, "count")),
                List.of(), List.of());
        RunResult result = new RunResult(RunResult.SCHEMA_VERSION, runId(i), "memory-system", "cluster.yaml",
                "0".repeat(64), TOOL, start, start.plusSeconds(30), List.of(), List.of(cache, lb, memory));
        Verdict verdict = verdict(i);
        if (verdict == null) {
            return result;
        }
        ObjectiveResult objective = new ObjectiveResult(P99, "<= 2", "<= 5", 2, true, ObjectiveStatus.PASS,
                p99(i), "ms", 2.0, null, List.of(), null, null, 1, 100, "p99 " + p99(i) + " ms <= 2 ms");
        return result.withScore(new ScoreResult(score(i), verdict, 90, 75, "planted", List.of(objective)));
    }

    /** A few realistic latency histograms (microseconds) for runs to share, as generating one per run is slow. */
    static List<LatencyHistogram> histograms(int count, int samples) {
        Random random = new Random(42);
        return java.util.stream.IntStream.range(0, count).mapToObj(k -> {
            Histogram histogram = new Histogram(3_600_000_000L, 3);
            for (int s = 0; s < samples; s++) {
                histogram.recordValue(100 + (long) (Math.exp(random.nextGaussian() * 0.8) * 300));
            }
            return LatencyHistogram.of("get", "us", histogram);
        }).toList();
    }
}
