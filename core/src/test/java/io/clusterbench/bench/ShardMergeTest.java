package io.clusterbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.result.ClockOffset;
import io.clusterbench.result.LatencyHistogram;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ShardMark;
import io.clusterbench.result.ToolInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ShardMergeTest {
    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void mergedHistogramEqualsOneHistogramOfEveryShardsRawLatencies() throws ClusterBenchException {
        SplittableRandom random = new SplittableRandom(42);
        Histogram all = histogram();
        Map<String, RunResult> shards = new LinkedHashMap<>();
        long sumOfCounts = 0;
        for (int i = 1; i <= 3; i++) {
            Histogram mine = histogram();
            for (int n = 0; n < 5_000 * i; n++) {
                // Each shard its own spread, so that a wrong merge (an average of percentiles) shows.
                long micros = 100 + (long) (random.nextDouble() * random.nextDouble() * 20_000 * i);
                mine.recordValue(micros);
                all.recordValue(micros);
            }
            sumOfCounts += mine.getTotalCount();
            shards.put("s" + i, shard(i, 3, "run-1", "sha", mine, 1000.0 * i, null));
        }

        RunResult merged = ShardMerge.merge(shards, 50);

        LatencyHistogram request = merged.probes().get(0).latencies().get(0);
        Histogram exact = request.histogram();
        assertThat(request.count()).isEqualTo(sumOfCounts).isEqualTo(all.getTotalCount());
        assertThat(exact.getValueAtPercentile(50)).isEqualTo(all.getValueAtPercentile(50));
        assertThat(exact.getValueAtPercentile(99)).isEqualTo(all.getValueAtPercentile(99));
        assertThat(exact.getMaxValue()).isEqualTo(all.getMaxValue());
        assertThat(metric(merged, "p99_ms")).isEqualTo(all.getValueAtPercentile(99) / 1000.0);
        assertThat(metric(merged, "requests")).isEqualTo(sumOfCounts);
        // Windows that line up: the throughputs add.
        assertThat(metric(merged, "requests_per_s")).isEqualTo(6000.0);
        assertThat(merged.runId()).isEqualTo("run-1");
        assertThat(merged.shards()).extracting(ShardMark::label).containsExactly("1/3", "2/3", "3/3");
        assertThat(merged.shard()).isNull();
        assertThat(merged.probes().get(0).workload()).isEqualTo("whole-workload");
    }

    @Test
    void refusesShardsOfAnotherRun() {
        Map<String, RunResult> shards = new LinkedHashMap<>();
        shards.put("a/result.json", shard(1, 2, "run-1", "sha", histogram(1), 1, null));
        shards.put("b/result.json", shard(2, 2, "run-2", "sha", histogram(1), 1, null));

        assertRefused(shards, Kind.MERGE_REFUSED, "b/result.json is of run run-2 but a/result.json is of run run-1");
    }

    @Test
    void refusesShardsOfAnotherSpec() {
        Map<String, RunResult> shards = new LinkedHashMap<>();
        shards.put("a", shard(1, 2, "run-1", "sha-a", histogram(1), 1, null));
        shards.put("b", shard(2, 2, "run-1", "sha-b", histogram(1), 1, null));

        assertRefused(shards, Kind.MERGE_REFUSED, "b ran spec sha256 sha-b but a ran sha-a");
    }

    @Test
    void refusesAShardGivenTwice() {
        Map<String, RunResult> shards = new LinkedHashMap<>();
        shards.put("a", shard(1, 2, "run-1", "sha", histogram(1), 1, null));
        shards.put("b", shard(1, 2, "run-1", "sha", histogram(1), 1, null));

        assertRefused(shards, Kind.MERGE_REFUSED, "shard 1/2 is given twice: a and b");
    }

    @Test
    void namesTheMissingShard() {
        Map<String, RunResult> shards = new LinkedHashMap<>();
        shards.put("a", shard(1, 3, "run-1", "sha", histogram(1), 1, null));
        shards.put("c", shard(3, 3, "run-1", "sha", histogram(1), 1, null));

        assertRefused(shards, Kind.MERGE_REFUSED, "shard 2/3 of run run-1 is missing");
    }

    @Test
    void refusesAWholeRun() {
        Map<String, RunResult> shards = new LinkedHashMap<>();
        shards.put("a", shard(1, 2, "run-1", "sha", histogram(1), 1, null));
        RunResult whole = shard(2, 2, "run-1", "sha", histogram(1), 1, null);
        shards.put("whole", new RunResult(1, "x", whole.cluster(), "s.yaml", "sha", whole.tool(), T0, T0,
                List.of(), whole.probes()));

        assertRefused(shards, Kind.MERGE_REFUSED, "whole is not a shard's result");
    }

    @Test
    void refusesAShardWhoseClockWasTooFarOffWithTheNumbers() {
        Map<String, RunResult> shards = new LinkedHashMap<>();
        shards.put("a", shard(1, 2, "run-1", "sha", histogram(1), 1,
                new ClockOffset("coord:7077", 0.2, 0.1, T0)));
        shards.put("b", shard(2, 2, "run-1", "sha", histogram(1), 1,
                new ClockOffset("coord:7077", -80.5, 0.4, T0)));

        assertRefused(shards, Kind.CLOCK_SKEW, "-80.500 ms off coord:7077's (round trip 0.400 ms), more than the 50.0"
                + " ms allowed");
    }

    @Test
    void clockOffsetFollowsNtp() {
        // Shard 5 ms behind, 2 ms each way, 1 ms at the coordinator.
        ClockOffset offset = ClockOffset.fromExchange("c", 1_000_000, 1_007_000, 1_008_000, 1_005_000);

        assertThat(offset.offsetMs()).isEqualTo(5.0);
        assertThat(offset.roundTripMs()).isEqualTo(4.0);
    }

    private static void assertRefused(Map<String, RunResult> shards, Kind kind, String message) {
        assertThatThrownBy(() -> ShardMerge.merge(shards, 50))
                .isInstanceOfSatisfying(ClusterBenchException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageContaining(message);
    }

    private static double metric(RunResult run, String name) {
        return run.probes().get(0).metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow()
                .value();
    }

    private static Histogram histogram() {
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        return h;
    }

    private static Histogram histogram(long value) {
        Histogram h = histogram();
        h.recordValue(value);
        return h;
    }

    private static RunResult shard(int index, int count, String runId, String sha, Histogram latencies,
            double perSecond, ClockOffset clock) {
        LatencyHistogram request = LatencyHistogram.of("request", "us", latencies);
        List<MetricValue> metrics = List.of(MetricValue.of("requests", latencies.getTotalCount(), ""),
                MetricValue.of("requests_per_s", perSecond, "req/s"),
                MetricValue.of("p99_ms", latencies.getValueAtPercentile(99) / 1000.0, "ms"));
        ProbeMeasurement probe = new ProbeMeasurement("web", "http", "http://10.0.0.1/", ProbeStatus.OK, T0,
                T0.plusSeconds(10), metrics, List.of(request), List.of()).withWorkload("shard-workload-" + index);
        return new RunResult(1, runId + "-shard" + index, "c", "s.yaml", sha, ToolInfo.current(), T0,
                T0.plusSeconds(10), List.of(), List.of(probe))
                .withShard(new ShardMark(index, count, runId, "host" + index, clock, Map.of("web", "whole-workload")));
    }
}
