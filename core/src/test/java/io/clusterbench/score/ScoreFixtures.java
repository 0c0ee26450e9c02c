package io.clusterbench.score;

import io.clusterbench.probe.LatencyMetrics;
import io.clusterbench.result.LatencyHistogram;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeRound;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.result.ToolInfo;
import io.clusterbench.result.Verdict;
import io.clusterbench.spec.BaselineSettings;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.Comparison;
import io.clusterbench.spec.Criterion;
import io.clusterbench.spec.CriterionMode;
import io.clusterbench.spec.NoDataPolicy;
import io.clusterbench.spec.ObjectiveSpec;
import io.clusterbench.spec.RunSettings;
import io.clusterbench.spec.ScoreThresholds;
import io.clusterbench.spec.SpecLocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/** Builders for scoring tests: objectives from criterion text, runs from metric values, planted histograms. */
final class ScoreFixtures {

    static final String CLUSTER = "memory-system";
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Pattern CRITERION = Pattern.compile("(<=|>=|==|<|>)\\s*([+-]?)([0-9.]+)\\s*(%|ms)?");

    private ScoreFixtures() {
    }

    /** A criterion as the spec's parser reads it (signed = relative, % = percent). */
    static Criterion criterion(String text) {
        Matcher m = CRITERION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(text);
        }
        double magnitude = Double.parseDouble(m.group(3));
        double value = m.group(2).equals("-") ? -magnitude : magnitude;
        CriterionMode mode = m.group(2).isEmpty() ? CriterionMode.ABSOLUTE
                : "%".equals(m.group(4)) ? CriterionMode.RELATIVE_PERCENT : CriterionMode.RELATIVE_DELTA;
        return new Criterion(Comparison.fromSymbol(m.group(1)).orElseThrow(), value, mode, text.strip());
    }

    static ObjectiveSpec objective(String metric, String pass) {
        return objective(metric, pass, null, 1, false, NoDataPolicy.FAIL);
    }

    static ObjectiveSpec objective(String metric, String pass, String warning, double weight, boolean key,
            NoDataPolicy noData) {
        return new ObjectiveSpec(metric, criterion(pass), Optional.ofNullable(warning).map(ScoreFixtures::criterion),
                weight, key, noData, new SpecLocation("c.yaml", 1, 1));
    }

    static ClusterSpec spec(List<ObjectiveSpec> objectives) {
        return spec(objectives, ScoreThresholds.DEFAULT, BaselineSettings.DEFAULT);
    }

    static ClusterSpec spec(List<ObjectiveSpec> objectives, ScoreThresholds score, BaselineSettings baseline) {
        return new ClusterSpec(CLUSTER, Map.of(), Map.of(), Map.of(), List.of(), objectives, score,
                RunSettings.DEFAULT, baseline);
    }

    /** A probe that measured {@code metrics}: name, value, unit triples. */
    static ProbeMeasurement probe(String id, Object... metrics) {
        return probe(id, ProbeStatus.OK, List.of(), metrics);
    }

    static ProbeMeasurement probe(String id, ProbeStatus status, List<LatencyHistogram> latencies,
            Object... metrics) {
        List<MetricValue> values = new ArrayList<>();
        for (int i = 0; i < metrics.length; i += 3) {
            values.add(MetricValue.of((String) metrics[i], ((Number) metrics[i + 1]).doubleValue(),
                    (String) metrics[i + 2]));
        }
        return new ProbeMeasurement(id, "redis", "redis://127.0.0.1:6379/0", status, T0, T0.plusSeconds(10), values,
                latencies, List.of());
    }

    /** A redis-like probe whose {@code get.*_ms} metrics and {@code get} histogram come from {@code micros}. */
    static ProbeMeasurement latencyProbe(String id, Histogram micros) {
        return new ProbeMeasurement(id, "redis", "redis://127.0.0.1:6379/0", ProbeStatus.OK, T0, T0.plusSeconds(10),
                LatencyMetrics.of("get.", micros), List.of(LatencyHistogram.of("get", "us", micros)), List.of());
    }

    /**
     * A probe measured in rounds of {@code condition}: each round holds {@code metric} with one of {@code values}; the
     * merged value is their median, as {@code RoundMerge} gives it for a metric without a histogram.
     */
    static ProbeMeasurement rounds(String id, String condition, String metric, String unit, double... values) {
        List<ProbeRound> rounds = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            rounds.add(new ProbeRound(i + 1, condition, T0.plusSeconds(i), T0.plusSeconds(i + 1), ProbeStatus.OK,
                    List.of(MetricValue.of(metric, values[i], unit))));
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new ProbeMeasurement(id, "redis", "redis://127.0.0.1:6379/0", ProbeStatus.OK, T0, T0.plusSeconds(10),
                List.of(MetricValue.of(metric, sorted[sorted.length / 2], unit)), List.of(), List.of(), rounds, null);
    }

    static RunResult run(String id, int minute, ProbeMeasurement... probes) {
        return new RunResult(RunResult.SCHEMA_VERSION, id, CLUSTER, "c.yaml", "0".repeat(64),
                new ToolInfo("clusterbench", "test", "17", "localhost", "linux"), T0.plusSeconds(60L * minute),
                T0.plusSeconds(60L * minute + 30), List.of(), Arrays.asList(probes));
    }

    /** The run, marked with a score of the given verdict (as an earlier run in the history would be). */
    static RunResult scored(RunResult run, Verdict verdict) {
        return run.withScore(new ScoreResult(verdict == Verdict.PASS ? 100 : 50, verdict, 90, 75, "earlier",
                List.of()));
    }

    /**
     * 20,000 latencies in microseconds from a log-normal distribution (median 1 ms, sigma 0.5) drawn with
     * {@code seed}, each multiplied by {@code factor}.
     */
    static Histogram planted(long seed, double factor) {
        Random random = new Random(seed);
        Histogram h = new Histogram(3);
        for (int i = 0; i < 20_000; i++) {
            h.recordValue(Math.round(1000 * Math.exp(0.5 * random.nextGaussian()) * factor));
        }
        return h;
    }
}
