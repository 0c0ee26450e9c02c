package io.clusterbench.score;

import io.clusterbench.result.CapacityMetrics;
import io.clusterbench.result.LatencyHistogram;
import io.clusterbench.result.LatencySource;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunResult;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Finds an objective's metric ({@code probe.metric}) in a run, and the latency histogram it was derived from.
 *
 * <p>Histograms are named by the probes (docs/probes.md): a metric {@code PREFIX STAT_ms} where STAT is
 * {@code mean}, {@code median} or {@code pNN} comes from the histogram named PREFIX without its trailing
 * {@code .} or {@code _} ({@code get.p99_ms} from {@code get}, {@code ttft_p95_ms} from {@code ttft},
 * {@code query_p99_ms} from {@code query}); without a prefix ({@code p99_ms}) from the probe's overall histogram:
 * {@code all} (redis), else {@code latency} (http), else the probe's only histogram. {@code max_ms} has no
 * histogram here: one extreme value is not a distribution to test.
 */
final class MetricLookup {


    private MetricLookup() {
    }

    /**
     * Where a metric was looked for, and why it is absent when it is.
     *
     * @param notRun whether the run holds no probe of that id at all (left out by {@code --only}, or another spec)
     */
    record Found(Optional<ProbeMeasurement> probe, String name, Optional<MetricValue> value, String absence,
            boolean notRun) {
    }

    /** The metric named {@code metric} ({@code probe.name}) in {@code run}, or why there is none; see below. */
    static Found find(RunResult run, String metric) {
        return find(ProbeIndex.of(run), metric, Set.of());
    }

    /** The metric named {@code metric} in the indexed run, or why there is none; see below. */
    static Found find(ProbeIndex probes, String metric) {
        return find(probes, metric, Set.of());
    }

    /**
     * The metric named {@code metric} ({@code probe.name}) in {@code run}, or why there is none. A probe that
     * FAILED, was SKIPPED or ended PARTIAL with errors during its load has no data: its numbers did not finish.
     * The one exception is a PARTIAL probe in {@code errorsJudged}, whose errors an objective judges explicitly
     * ({@code probe.errors}, {@code probe.CMD.errors}, {@code probe.error_pct}); errors of kind {@code nodata} (a
     * query without series) leave the probe's other numbers finished.
     */
    static Found find(ProbeIndex probes, String metric, Set<String> errorsJudged) {
        Optional<ProbeMeasurement> probe = probes.probeOf(metric);
        if (probe.isEmpty()) {
            int dot = metric.indexOf('.');
            String id = dot < 0 ? metric : metric.substring(0, dot);
            return new Found(probe, metric, Optional.empty(), "not measured in this run: run " + probes.run().runId()
                    + " has no probe '" + id + "' (left out by --only, or written from another spec)", true);
        }
        ProbeMeasurement p = probe.get();
        String name = metric.substring(p.probe().length() + 1);
        if (p.status() == ProbeStatus.FAILED || p.status() == ProbeStatus.SKIPPED) {
            return new Found(probe, name, Optional.empty(), "probe '" + p.probe() + "' " + p.status(), false);
        }
        if (unfinished(p) && !errorsJudged.contains(p.probe())) {
            long errors = p.errors().stream().filter(e -> e.kind() != ErrorKind.NODATA)
                    .mapToLong(ProbeError::count).sum();
            // An abort is the reason the numbers stopped, whatever errors came before it.
            String first = p.errors().stream().filter(e -> e.kind() == ErrorKind.ABORTED).findFirst()
                    .or(() -> p.errors().stream().filter(e -> e.kind() != ErrorKind.NODATA).findFirst())
                    .map(e -> e.kind() + ": " + e.message()).orElse("");
            // Error events, not the errors metric (failed requests): a lost connection is one event and no request.
            return new Found(probe, name, Optional.empty(), "probe '" + p.probe() + "' ended PARTIAL with " + errors
                    + (errors == 1 ? " error event" : " error events") + " during its load (" + first + "), so its"
                    + " numbers did"
                    + " not finish; an objective on " + p.probe() + ".errors or " + p.probe() + ".error_pct lets them"
                    + " count", false);
        }
        Optional<MetricValue> value = p.metrics().stream().filter(m -> m.name().equals(name)).findFirst();
        return new Found(probe, name, value, value.isPresent() ? "" : absence(p, name), false);
    }

    /** Why a finished probe lacks {@code name}: for a capacity its search found none, and its statement says why. */
    private static String absence(ProbeMeasurement p, String name) {
        if (p.capacity() != null && CapacityMetrics.isCapacity(name)) {
            return "probe '" + p.probe() + "' found no capacity: " + p.capacity().statement();
        }
        return "probe '" + p.probe() + "' measured no '" + name + "'";
    }

    /** Whether a PARTIAL probe's errors happened during its load (not only queries that found no series). */
    private static boolean unfinished(ProbeMeasurement probe) {
        return probe.status() == ProbeStatus.PARTIAL
                && probe.errors().stream().anyMatch(e -> e.kind() != ErrorKind.NODATA);
    }

    /** Whether {@code metric} ({@code probe.name}) judges the errors of its probe. */
    static boolean judgesErrors(String metricName) {
        return metricName.equals("errors") || metricName.endsWith(".errors") || metricName.equals("error_pct");
    }

    /** The value of {@code metric} in {@code run}, when measured. */
    static Optional<MetricValue> value(RunResult run, String metric) {
        return find(run, metric).value();
    }

    /** The value of {@code metric} in the indexed run, when measured. */
    static Optional<MetricValue> value(ProbeIndex probes, String metric) {
        return find(probes, metric).value();
    }

    /** The decoded histogram {@code metric} was derived from, when it is a latency statistic and it was kept. */
    static Optional<Histogram> histogram(RunResult run, String metric) {
        Found found = find(run, metric);
        if (found.value().isEmpty()) {
            return Optional.empty();
        }
        return histogramName(found.name(), found.probe().orElseThrow().latencies())
                .flatMap(name -> found.probe().orElseThrow().latencies().stream()
                        .filter(h -> h.name().equals(name)).findFirst())
                .filter(h -> h.count() > 0)
                .map(LatencyHistogram::histogram);
    }

    /** The name of the histogram a metric of a probe with these histograms comes from, if any. */
    static Optional<String> histogramName(String metricName, List<LatencyHistogram> latencies) {
        return LatencySource.histogramName(metricName, latencies);
    }
}
