package io.clusterbench.bench;

import io.clusterbench.result.LatencyHistogram;
import io.clusterbench.result.LatencySource;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeRound;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.Timeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Merges the rounds of one probe into one measurement, keeping each round's own numbers beside the merge.
 *
 * <p>The merge: histograms are added exactly, and every latency statistic with a kept histogram behind it
 * ({@code p99_ms}, {@code get.mean_ms}, {@code max_ms}, ...) is read again from the merged histogram; counts of what
 * the load did ({@code ops}, {@code errors}, {@code requests}, {@code status_200}, {@code load_s}, ...) are added up,
 * and {@code error_pct} is computed again from the added counts; every other number (throughput, server gauges,
 * host readings) is the median of its rounds, so that one odd round does not set it. Errors of equal kind and
 * message are counted together. The rounds' timelines are kept side by side, each round marked with its place in
 * the run and its condition.
 */
public final class RoundMerge {

    /** Last name parts of counts that add up over rounds. */
    private static final Set<String> ADDITIVE = Set.of("ops", "errors", "requests", "responses", "late_requests",
            "completed", "failed", "queries", "queries_completed", "queries_failed", "total_input_tokens",
            "total_output_tokens", "goodput_requests", "load_s", "s");

    private RoundMerge() {
    }

    /**
     * The merge of one probe's rounds.
     *
     * @param rounds the rounds' measurements of one probe, in the order they ran, each of one round
     * @param indices each round's place in the run, from 1
     * @param conditions each round's condition ({@code A}, {@code B}) or empty
     */
    public static ProbeMeasurement merge(List<ProbeMeasurement> rounds, List<Integer> indices,
            List<String> conditions) {
        if (rounds.isEmpty() || rounds.size() != indices.size() || rounds.size() != conditions.size()) {
            throw new IllegalArgumentException("one index and one condition per round, and at least one round");
        }
        ProbeMeasurement first = rounds.get(0);
        List<LatencyHistogram> latencies = mergeLatencies(rounds);
        List<ProbeRound> kept = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            ProbeMeasurement r = rounds.get(i);
            kept.add(new ProbeRound(indices.get(i), conditions.get(i), r.startedAt(), r.endedAt(), r.status(),
                    r.metrics().stream().filter(m -> !m.name().startsWith("warmup.")).toList()));
        }
        ProbeMeasurement last = rounds.get(rounds.size() - 1);
        return new ProbeMeasurement(first.probe(), first.kind(), first.target(), status(rounds), first.startedAt(),
                last.endedAt(), mergeMetrics(rounds, latencies), latencies, mergeErrors(rounds), kept,
                first.workload(), mergeTimelines(rounds, indices, conditions), null);
    }

    /**
     * The rounds' timelines in one, each round's points marked with its place and condition; null when no round has
     * one (a probe that puts no load).
     */
    private static Timeline mergeTimelines(List<ProbeMeasurement> rounds, List<Integer> indices,
            List<String> conditions) {
        List<Timeline> timelines = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            Timeline timeline = rounds.get(i).timeline();
            if (timeline != null) {
                int index = indices.get(i);
                String condition = conditions.get(i);
                timelines.add(new Timeline(timeline.bucketS(), timeline.note(),
                        timeline.rounds().stream().map(r -> r.as(index, condition)).toList()));
            }
        }
        return timelines.isEmpty() ? null : Timeline.join(timelines);
    }

    static ProbeStatus status(List<ProbeMeasurement> rounds) {
        ProbeStatus first = rounds.get(0).status();
        if (rounds.stream().allMatch(r -> r.status() == first)) {
            return first;
        }
        boolean anyData = rounds.stream().anyMatch(r -> r.status() == ProbeStatus.OK
                || r.status() == ProbeStatus.PARTIAL);
        return anyData ? ProbeStatus.PARTIAL : ProbeStatus.FAILED;
    }

    private static List<LatencyHistogram> mergeLatencies(List<ProbeMeasurement> rounds) {
        return ShardMerge.addHistograms(rounds.stream().map(ProbeMeasurement::latencies).toList());
    }

    private static List<MetricValue> mergeMetrics(List<ProbeMeasurement> rounds, List<LatencyHistogram> latencies) {
        Map<String, List<MetricValue>> byName = new LinkedHashMap<>();
        for (ProbeMeasurement round : rounds) {
            for (MetricValue m : round.metrics()) {
                byName.computeIfAbsent(m.name(), name -> new ArrayList<>()).add(m);
            }
        }
        List<MetricValue> merged = new ArrayList<>();
        for (Map.Entry<String, List<MetricValue>> entry : byName.entrySet()) {
            String name = entry.getKey();
            MetricValue sample = entry.getValue().get(0);
            double value = fromHistogram(name, latencies)
                    .orElseGet(() -> additive(name) ? sum(entry.getValue()) : median(entry.getValue()));
            merged.add(new MetricValue(name, value, sample.unit(), sample.labels()));
        }
        recomputeErrorPct(merged);
        return merged;
    }

    /** A latency statistic read from the merged histogram (microseconds) in ms, when one is behind the name. */
    static Optional<Double> fromHistogram(String name, List<LatencyHistogram> latencies) {
        boolean max = name.endsWith("max_ms");
        String asStat = max ? name.substring(0, name.length() - "max_ms".length()) + "p100_ms" : name;
        Optional<LatencyHistogram> source = LatencySource.histogramName(asStat, latencies)
                .flatMap(h -> latencies.stream().filter(l -> l.name().equals(h)).findFirst())
                .filter(h -> h.unit().equals("us") && h.count() > 0);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        Histogram h = source.get().histogram();
        if (max) {
            return Optional.of(h.getMaxValue() / 1000.0);
        }
        if (LatencySource.isMean(name)) {
            return Optional.of(h.getMean() / 1000.0);
        }
        OptionalDouble percentile = LatencySource.percentile(name);
        return percentile.isPresent() ? Optional.of(h.getValueAtPercentile(percentile.getAsDouble()) / 1000.0)
                : Optional.empty();
    }

    static boolean additive(String name) {
        if (name.startsWith("status_")) {
            return true;
        }
        int dot = name.lastIndexOf('.');
        return ADDITIVE.contains(dot < 0 ? name : name.substring(dot + 1));
    }

    private static double sum(List<MetricValue> values) {
        return values.stream().mapToDouble(MetricValue::value).sum();
    }

    /** The median of the rounds' values (the mean of the middle two for an even count). */
    static double median(List<MetricValue> values) {
        double[] sorted = values.stream().mapToDouble(MetricValue::value).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** {@code error_pct} from the added {@code errors} and {@code requests}, where a probe reports all three. */
    static void recomputeErrorPct(List<MetricValue> merged) {
        Optional<MetricValue> errors = find(merged, "errors");
        Optional<MetricValue> requests = find(merged, "requests");
        for (int i = 0; i < merged.size(); i++) {
            MetricValue m = merged.get(i);
            if (m.name().equals("error_pct") && errors.isPresent() && requests.isPresent()
                    && requests.get().value() > 0) {
                merged.set(i, new MetricValue(m.name(), errors.get().value() / requests.get().value() * 100,
                        m.unit(), m.labels()));
            }
        }
    }

    private static Optional<MetricValue> find(List<MetricValue> metrics, String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    static List<ProbeError> mergeErrors(List<ProbeMeasurement> rounds) {
        Map<List<Object>, ProbeError> merged = new LinkedHashMap<>();
        for (ProbeMeasurement round : rounds) {
            for (ProbeError e : round.errors()) {
                merged.merge(Arrays.asList(e.kind(), e.message()), e, (a, b) -> new ProbeError(a.kind(),
                        a.message(), a.count() + b.count(), a.firstAt()));
            }
        }
        return List.copyOf(merged.values());
    }
}
