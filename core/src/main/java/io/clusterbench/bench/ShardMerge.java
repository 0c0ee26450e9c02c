package io.clusterbench.bench;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.result.LatencyHistogram;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeRound;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ShardMark;
import io.clusterbench.result.Timeline;
import io.clusterbench.result.TimelinePoint;
import io.clusterbench.result.TimelineRound;
import io.clusterbench.result.ToolInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * Merges the results of a run's shards into the one run they measured together (docs/distributed.md, "The merge").
 *
 * <p>Histograms are added exactly (HdrHistogram's add), and every latency statistic is read again from the sum;
 * counts and errors are added; a throughput ({@code ..._per_s}) is the shards' work over the common window: each
 * shard's rate weighted by the share of the window from the first shard's start to the last one's end that it
 * ran, which is the plain sum when the windows line up; any other number (a server gauge, a host reading) is the
 * median of the shards'. Rounds are lined up by their index and merged the same way from their own histograms;
 * timelines point by point from the common start.
 */
public final class ShardMerge {

    private ShardMerge() {
    }

    /**
     * The merged run, with the shards' marks in {@link RunResult#shards()} and the shared run id.
     *
     * @param results each shard's result, by the name the user gave it (a path)
     * @param maxClockOffsetMs the largest clock offset a shard may have had
     * @throws ClusterBenchException MERGE_REFUSED or CLOCK_SKEW when the shards do not make one run
     */
    public static RunResult merge(Map<String, RunResult> results, double maxClockOffsetMs)
            throws ClusterBenchException {
        List<RunResult> shards = ShardSet.check(results, maxClockOffsetMs);
        RunResult first = shards.get(0);
        Instant start = shards.stream().map(RunResult::startedAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant end = shards.stream().map(RunResult::endedAt).max(Comparator.naturalOrder()).orElseThrow();
        Set<String> insecure = new LinkedHashSet<>();
        shards.forEach(s -> insecure.addAll(s.insecureHosts()));
        List<ProbeMeasurement> probes = new ArrayList<>();
        for (ProbeMeasurement probe : first.probes()) {
            List<ProbeMeasurement> parts = shards.stream()
                    .map(s -> s.probes().stream().filter(p -> p.probe().equals(probe.probe())).findFirst()
                            .orElse(null))
                    .filter(Objects::nonNull).toList();
            probes.add(mergeProbe(parts, first.shard().wholeWorkloads().get(probe.probe())));
        }
        List<ShardMark> marks = shards.stream().map(RunResult::shard).toList();
        return new RunResult(RunResult.SCHEMA_VERSION, first.shard().runId(), first.cluster(), first.specFile(),
                first.specSha256(), ToolInfo.current(), start, end, List.copyOf(insecure), probes, List.of(),
                List.of(), null, null, null, null, marks);
    }

    static ProbeMeasurement mergeProbe(List<ProbeMeasurement> parts, String wholeWorkload) {
        ProbeMeasurement first = parts.get(0);
        Instant start = parts.stream().map(ProbeMeasurement::startedAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant end = parts.stream().map(ProbeMeasurement::endedAt).max(Comparator.naturalOrder()).orElseThrow();
        List<LatencyHistogram> latencies = addHistograms(parts.stream().map(ProbeMeasurement::latencies).toList());
        List<Double> shares = windowShares(parts.stream().map(p -> new Instant[] {p.startedAt(), p.endedAt()})
                .toList(), start, end);
        List<MetricValue> metrics = mergeMetrics(parts.stream().map(ProbeMeasurement::metrics).toList(), shares,
                latencies);
        return new ProbeMeasurement(first.probe(), first.kind(), first.target(), RoundMerge.status(parts), start, end,
                metrics, latencies, RoundMerge.mergeErrors(parts), mergeRounds(parts), wholeWorkload,
                mergeTimelines(parts), null);
    }

    /** Each part's share of the common window: its own length over the window's, 1 when they line up. */
    private static List<Double> windowShares(List<Instant[]> windows, Instant start, Instant end) {
        double common = Duration.between(start, end).toNanos();
        return windows.stream().map(w -> common <= 0 ? 1.0
                : Math.min(1.0, Duration.between(w[0], w[1]).toNanos() / common)).toList();
    }

    /**
     * The parts' histograms added by name with HdrHistogram's add (exact to the count), in the order names first
     * appear; the merge of rounds ({@link RoundMerge}) and of shards share it.
     */
    static List<LatencyHistogram> addHistograms(List<List<LatencyHistogram>> parts) {
        Map<String, Histogram> sums = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (List<LatencyHistogram> part : parts) {
            for (LatencyHistogram h : part) {
                Histogram decoded = h.histogram();
                Histogram sum = sums.computeIfAbsent(h.name(), name -> {
                    Histogram empty = new Histogram(decoded.getNumberOfSignificantValueDigits());
                    empty.setAutoResize(true);
                    return empty;
                });
                sum.add(decoded);
                units.putIfAbsent(h.name(), h.unit());
            }
        }
        List<LatencyHistogram> out = new ArrayList<>();
        sums.forEach((name, h) -> out.add(LatencyHistogram.of(name, units.get(name), h)));
        return out;
    }

    /**
     * The parts' metrics in one; a latency statistic with no histogram behind it in {@code latencies} is left out
     * rather than guessed, where the parts measured it but kept no histogram.
     */
    private static List<MetricValue> mergeMetrics(List<List<MetricValue>> parts, List<Double> shares,
            List<LatencyHistogram> latencies) {
        Map<String, List<MetricValue>> byName = new LinkedHashMap<>();
        Map<String, List<Double>> sharesByName = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            for (MetricValue m : parts.get(i)) {
                byName.computeIfAbsent(m.name(), name -> new ArrayList<>()).add(m);
                sharesByName.computeIfAbsent(m.name(), name -> new ArrayList<>()).add(shares.get(i));
            }
        }
        List<MetricValue> merged = new ArrayList<>();
        for (Map.Entry<String, List<MetricValue>> entry : byName.entrySet()) {
            String name = entry.getKey();
            List<MetricValue> values = entry.getValue();
            MetricValue sample = values.get(0);
            Double value = RoundMerge.fromHistogram(name, latencies).orElse(null);
            if (value == null && isLatencyStatistic(name)) {
                continue;
            }
            if (value == null) {
                value = RoundMerge.additive(name) ? values.stream().mapToDouble(MetricValue::value).sum()
                        : name.endsWith("_per_s") ? weightedSum(values, sharesByName.get(name))
                        : RoundMerge.median(values);
            }
            merged.add(new MetricValue(name, value, sample.unit(), sample.labels()));
        }
        RoundMerge.recomputeErrorPct(merged);
        return merged;
    }

    private static boolean isLatencyStatistic(String name) {
        return name.endsWith("_ms") && (name.matches(".*(^|\\.)(p[0-9]+|mean|max|min)_ms"));
    }

    private static double weightedSum(List<MetricValue> values, List<Double> shares) {
        double sum = 0;
        for (int i = 0; i < values.size(); i++) {
            sum += values.get(i).value() * shares.get(i);
        }
        return sum;
    }

    /** Rounds of the same index merged, in index order; each from its own histograms where the shards kept them. */
    private static List<ProbeRound> mergeRounds(List<ProbeMeasurement> parts) {
        TreeMap<Integer, List<ProbeRound>> byIndex = new TreeMap<>();
        parts.forEach(p -> p.rounds().forEach(r -> byIndex.computeIfAbsent(r.index(), i -> new ArrayList<>()).add(r)));
        List<ProbeRound> merged = new ArrayList<>();
        for (List<ProbeRound> rounds : byIndex.values()) {
            Instant start = min(rounds, ProbeRound::startedAt);
            Instant end = rounds.stream().map(ProbeRound::endedAt).max(Comparator.naturalOrder()).orElseThrow();
            boolean allKept = rounds.stream().allMatch(r -> !r.latencies().isEmpty());
            List<LatencyHistogram> latencies = allKept
                    ? addHistograms(rounds.stream().map(ProbeRound::latencies).toList()) : List.of();
            List<Double> shares = windowShares(rounds.stream().map(r -> new Instant[] {r.startedAt(), r.endedAt()})
                    .toList(), start, end);
            List<MetricValue> metrics = mergeMetrics(rounds.stream().map(ProbeRound::metrics).toList(), shares,
                    latencies);
            ProbeStatus status = rounds.stream().allMatch(r -> r.status() == rounds.get(0).status())
                    ? rounds.get(0).status() : ProbeStatus.PARTIAL;
            merged.add(new ProbeRound(rounds.get(0).index(), rounds.get(0).condition(), start, end, status, metrics));
        }
        return merged;
    }

    private static <T> Instant min(List<T> items, Function<T, Instant> time) {
        return items.stream().map(time).min(Comparator.naturalOrder()).orElseThrow();
    }

    /**
     * The shards' timelines point by point: the shards started at one instant, so their n-th points of a phase
     * cover the same second; counts are added, each percentile the largest of the shards' (an upper bound).
     */
    private static Timeline mergeTimelines(List<ProbeMeasurement> parts) {
        List<Timeline> timelines = parts.stream().map(ProbeMeasurement::timeline).filter(Objects::nonNull).toList();
        if (timelines.isEmpty()) {
            return null;
        }
        TreeMap<Integer, List<TimelineRound>> byIndex = new TreeMap<>();
        timelines.forEach(t -> t.rounds().forEach(r -> byIndex.computeIfAbsent(r.index(), i -> new ArrayList<>())
                .add(r)));
        List<TimelineRound> rounds = new ArrayList<>();
        for (List<TimelineRound> same : byIndex.values()) {
            TimelineRound base = same.get(0);
            List<TimelinePoint> points = new ArrayList<>(base.points());
            for (TimelineRound other : same.subList(1, same.size())) {
                for (int i = 0; i < other.points().size(); i++) {
                    TimelinePoint point = other.points().get(i);
                    // Counted in the base's point even where the phases differ by a second, so no count is lost.
                    if (i < points.size()) {
                        points.set(i, points.get(i).counting(point));
                    } else {
                        points.add(point);
                    }
                }
            }
            rounds.add(new TimelineRound(base.index(), base.condition(), min(same, TimelineRound::startedAt),
                    points));
        }
        double bucket = timelines.stream().mapToDouble(Timeline::bucketS).max().orElse(1);
        String note = "the sum of " + parts.size() + " shards, lined up point by point from their common start;"
                + " p50 and p99 of a point are the largest of the shards' (an upper bound)";
        return new Timeline(bucket, note, rounds);
    }
}
