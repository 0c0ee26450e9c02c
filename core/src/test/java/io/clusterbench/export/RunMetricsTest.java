package io.clusterbench.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.control.ExportFormat;
import io.clusterbench.metrics.PrometheusText;
import io.clusterbench.metrics.PrometheusText.Sample;
import io.clusterbench.result.RunResult;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RunMetricsTest {
    private static final Path RESULTS_DOC = Path.of("..", "docs", "results.md");

    @Test
    void everySampleCarriesTheClusterAndTheRunId() {
        List<Sample> samples = samples(ExportedRuns.tunedRun(), ExportFormat.OPENMETRICS);

        assertThat(samples).hasSizeGreaterThan(40).allSatisfy(sample -> assertThat(sample.labels())
                .containsEntry("cluster", ExportedRuns.CLUSTER)
                .containsEntry("run_id", ExportedRuns.RUN_ID));
    }

    @Test
    void writesScoreVerdictGateAndWhenTheRunEnded() {
        List<Sample> samples = samples(ExportedRuns.tunedRun(), ExportFormat.OPENMETRICS);

        assertThat(value(samples, RunMetrics.SCORE, Map.of())).isEqualTo(82.5);
        assertThat(value(samples, RunMetrics.VERDICT, Map.of("verdict", "warning"))).isEqualTo(1);
        assertThat(ones(samples, RunMetrics.VERDICT)).as("one verdict holds").isEqualTo(1);
        assertThat(count(samples, RunMetrics.VERDICT)).as("pass, warning, fail, inconclusive, error").isEqualTo(5);
        assertThat(value(samples, RunMetrics.GATE, Map.of("status", "unstable"))).isEqualTo(1);
        assertThat(value(samples, RunMetrics.GATE, Map.of("status", "fail"))).isZero();
        assertThat(value(samples, RunMetrics.RUN_TIMESTAMP, Map.of()))
                .isEqualTo(ExportedRuns.ENDED.toEpochMilli() / 1000.0);
        assertThat(value(samples, RunMetrics.RUN_DURATION, Map.of())).isEqualTo(90.5);
    }

    @Test
    void writesHeadlineAndJudgedMetricsWithTheirUnitsAndKeepsTheFirstOfASeriesMeasuredTwice() {
        List<Sample> samples = samples(ExportedRuns.tunedRun(), ExportFormat.OPENMETRICS);

        assertThat(value(samples, RunMetrics.METRIC, Map.of("probe", "cache.primary", "metric", "ops_per_s",
                "unit", "ops/s"))).isEqualTo(41502.5);
        assertThat(value(samples, RunMetrics.METRIC, Map.of("probe", "cache.primary", "metric", "p99_ms",
                "unit", "ms"))).isEqualTo(2.61);
        // gpu-metrics.value is judged by an objective; its second series (gpu 1) repeats the label set.
        assertThat(value(samples, RunMetrics.METRIC, Map.of("probe", "gpu-metrics", "metric", "value")))
                .isEqualTo(87.5);
        assertThat(metricNames(samples)).doesNotContain("used_memory", "p50_ms");
    }

    @Test
    void writesEachObjectivesStateOnceWithItsCriterionSoTwoObjectivesOnOneMetricStayApart() {
        List<Sample> samples = samples(ExportedRuns.tunedRun(), ExportFormat.OPENMETRICS);

        Map<String, String> absolute = Map.of("probe", "cache.primary", "metric", "p99_ms", "criterion", "<= 2",
                "key", "true");
        Map<String, String> relative = Map.of("probe", "cache.primary", "metric", "p99_ms",
                "criterion", "<= +10%", "key", "false");
        assertThat(value(samples, RunMetrics.OBJECTIVE_STATE, with(absolute, "state", "warning"))).isEqualTo(1);
        assertThat(value(samples, RunMetrics.OBJECTIVE_STATE, with(absolute, "state", "pass"))).isZero();
        assertThat(value(samples, RunMetrics.OBJECTIVE_STATE, with(relative, "state", "pass"))).isEqualTo(1);
        assertThat(value(samples, RunMetrics.OBJECTIVE_STATE, Map.of("probe", "lb", "state", "fail"))).isEqualTo(1);
        assertThat(ones(samples, RunMetrics.OBJECTIVE_STATE)).as("one state per objective").isEqualTo(4);
    }

    @Test
    void writesEffectsWithTheirIntervalAndLeavesOutAChangeThatWasNotComputed() {
        List<Sample> samples = samples(ExportedRuns.tunedRun(), ExportFormat.OPENMETRICS);
        Map<String, String> p99 = Map.of("probe", "cache.primary", "metric", "p99_ms");

        assertThat(value(samples, RunMetrics.EFFECT_CHANGE_PCT, p99)).isEqualTo(-13.3);
        assertThat(value(samples, RunMetrics.EFFECT_CHANGE_PCT_LOW, p99)).isEqualTo(-20.0);
        assertThat(value(samples, RunMetrics.EFFECT_CHANGE_PCT_HIGH, p99)).isEqualTo(-3.3);
        assertThat(value(samples, RunMetrics.EFFECT_VERDICT, with(p99, "verdict", "improved"))).isEqualTo(1);
        // ops_per_s was not estimated: its verdict is there, a change of 0 would be a lie.
        assertThat(value(samples, RunMetrics.EFFECT_VERDICT, Map.of("metric", "ops_per_s", "verdict",
                "inconclusive"))).isEqualTo(1);
        assertThat(samples).noneMatch(s -> s.name().equals(RunMetrics.EFFECT_CHANGE_PCT)
                && s.labels().get("metric").equals("ops_per_s"));
    }

    @Test
    void writesProbeStatusesOneHot() {
        List<Sample> samples = samples(ExportedRuns.tunedRun(), ExportFormat.OPENMETRICS);

        assertThat(value(samples, RunMetrics.PROBE_STATUS, Map.of("probe", "cache.primary", "status", "ok")))
                .isEqualTo(1);
        assertThat(value(samples, RunMetrics.PROBE_STATUS, Map.of("probe", "gpu-metrics", "status", "partial")))
                .isEqualTo(1);
        assertThat(value(samples, RunMetrics.PROBE_STATUS, Map.of("probe", "lb", "status", "failed")))
                .isEqualTo(1);
        assertThat(ones(samples, RunMetrics.PROBE_STATUS)).isEqualTo(3);
    }

    @Test
    void aRunWithoutScoreWritesNoScoreVerdictGateObjectivesOrEffectsRatherThanZeros() {
        List<Sample> samples = samples(ExportedRuns.measuredOnly(), ExportFormat.OPENMETRICS);

        assertThat(samples.stream().map(Sample::name).collect(Collectors.toSet())).containsExactlyInAnyOrder(
                RunMetrics.RUN_TIMESTAMP, RunMetrics.RUN_DURATION, RunMetrics.PROBE_STATUS, RunMetrics.METRIC);
        String text = TextFormats.write(RunMetrics.of(ExportedRuns.measuredOnly()), ExportFormat.OPENMETRICS);
        assertThat(text).doesNotContain(RunMetrics.SCORE + " ").doesNotContain("# TYPE " + RunMetrics.VERDICT);
    }

    @Test
    void openMetricsEndsWithEofAndGivesUnitsWhileThePrometheusFormatDoesNeither() {
        RunResult run = ExportedRuns.tunedRun();
        String openMetrics = TextFormats.write(RunMetrics.of(run), ExportFormat.OPENMETRICS);
        String prometheus = TextFormats.write(RunMetrics.of(run), ExportFormat.PROMETHEUS);

        assertThat(openMetrics).endsWith("# EOF\n").contains("# UNIT " + RunMetrics.RUN_DURATION + " seconds\n");
        assertThat(prometheus).doesNotContain("# EOF").doesNotContain("# UNIT")
                .contains("# TYPE " + RunMetrics.SCORE + " gauge\n");
        assertThat(PrometheusText.parse(prometheus)).containsExactlyInAnyOrderElementsOf(PrometheusText.parse(
                openMetrics));
        assertThat(TextFormats.contentType(ExportFormat.OPENMETRICS)).startsWith("application/openmetrics-text");
        assertThat(TextFormats.contentType(ExportFormat.PROMETHEUS)).startsWith("text/plain; version=0.0.4");
    }

    @Test
    void escapesLabelValuesSoThatAnyClusterNameReadsBackAsItWas() {
        String awkward = "a \"quoted\" \\ name\nwith a new line";
        RunResult run = ExportedRuns.tunedRun(awkward, "run-1");

        for (ExportFormat format : ExportFormat.values()) {
            assertThat(samples(run, format)).as(format.word())
                    .allSatisfy(sample -> assertThat(sample.labels()).containsEntry("cluster", awkward));
        }
    }

    @Test
    void docsResultsMdListsExactlyTheFamiliesWritten() throws IOException, IllegalAccessException {
        Set<String> constants = new TreeSet<>();
        for (Field field : RunMetrics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        Set<String> documented = new TreeSet<>();
        Matcher names = Pattern.compile("`(clusterbench_[a-z_]+)").matcher(Files.readString(RESULTS_DOC));
        while (names.find()) {
            documented.add(names.group(1));
        }
        assertThat(constants).hasSize(12);
        assertThat(documented).as("clusterbench_ names in docs/results.md").containsExactlyInAnyOrderElementsOf(
                constants);
    }

    private static List<Sample> samples(RunResult run, ExportFormat format) {
        return PrometheusText.parse(TextFormats.write(RunMetrics.of(run), format));
    }

    /** The one sample of the family whose labels include {@code labels}. */
    private static double value(List<Sample> samples, String name, Map<String, String> labels) {
        List<Sample> matching = samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
        assertThat(matching).as(name + " with " + labels).hasSize(1);
        return matching.get(0).value();
    }

    private static long count(List<Sample> samples, String name) {
        return samples.stream().filter(s -> s.name().equals(name)).count();
    }

    private static long ones(List<Sample> samples, String name) {
        return samples.stream().filter(s -> s.name().equals(name) && s.value() == 1).count();
    }

    private static Set<String> metricNames(List<Sample> samples) {
        return samples.stream().filter(s -> s.name().equals(RunMetrics.METRIC)).map(s -> s.labels().get("metric"))
                .collect(Collectors.toSet());
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> all = new HashMap<>(labels);
        all.put(name, value);
        return all;
    }
}
