package io.clusterbench.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The baseline: section and settings.rollbackIfWorse. */
class BaselineSpecTest {

    private static final String HEAD = """
            cluster: c
            services: { cache: { type: redis, address: 127.0.0.1 } }
            probes: { p: { service: cache } }
            """;

    private static ClusterSpec load(String tail) throws SpecException {
        return SpecFiles.loadText("b.yaml", HEAD + tail, Map.of()).spec();
    }

    private static List<String> problems(String tail) {
        SpecException[] caught = new SpecException[1];
        assertThatThrownBy(() -> SpecLoader.load("b.yaml", HEAD + tail, Path.of("/specs"), SpecFiles.NO_ENVIRONMENT))
                .isInstanceOfSatisfying(SpecException.class, e -> caught[0] = e);
        return caught[0].problems().stream().map(SpecProblem::format).toList();
    }

    @Test
    void defaultsToTheLastFivePassingRunsAndKeepingWorseTuning() throws Exception {
        ClusterSpec spec = load("");

        assertThat(spec.baseline()).isEqualTo(BaselineSettings.DEFAULT);
        assertThat(spec.baseline().from()).isEqualTo(BaselineSource.LAST_PASSING);
        assertThat(spec.baseline().runs()).isEqualTo(5);
        assertThat(spec.baseline().aggregate()).isEqualTo(BaselineAggregate.MEDIAN);
        assertThat(spec.baseline().alpha()).isEqualTo(0.01);
        assertThat(spec.baseline().noHistory()).isEqualTo(NoHistoryPolicy.INCONCLUSIVE);
        assertThat(spec.settings().rollbackIfWorse()).isFalse();
    }

    @Test
    void readsEveryBaselineKey() throws Exception {
        ClusterSpec spec = load("""
                baseline: { from: last-passing, runs: 3, aggregate: p99.9, alpha: 0.05, minEffect: 2.5, noHistory: pass }
                settings: { rollbackIfWorse: true }
                """);

        assertThat(spec.baseline()).isEqualTo(new BaselineSettings(BaselineSource.LAST_PASSING, 3, Optional.empty(),
                BaselineAggregate.percentile(99.9), 0.05, 2.5, NoHistoryPolicy.PASS));
        assertThat(spec.settings()).isEqualTo(new RunSettings(true, 4, true));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            { from: run, runId: r-17 }  | RUN      | r-17
            { from: previous }          | PREVIOUS |
            { aggregate: mean }         | LAST_PASSING |
            """)
    void readsTheSource(String section, BaselineSource from, String runId) throws Exception {
        BaselineSettings baseline = load("baseline: " + section + "\n").baseline();

        assertThat(baseline.from()).isEqualTo(from);
        assertThat(baseline.runId()).isEqualTo(Optional.ofNullable(runId));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            { from: run }                       | b.yaml:4:11 baseline: from: run needs runId: the runId of the result.json to compare with
            { from: previous, runId: x }        | b.yaml:4:29 baseline.runId: 'runId' applies only to from: run (from is previous); add from: run to pin this run
            { from: run, runId: x, runs: 3 }    | b.yaml:4:34 baseline.runs: 'runs' applies only to from: last-passing (from is run)
            { from: latest }                    | b.yaml:4:19 baseline.from: must be last-passing, previous or run, got 'latest'
            { aggregate: p0 }                   | b.yaml:4:24 baseline.aggregate: must be median, mean or a percentile pNN above 0 and at most 100 such as p90, got 'p0'
            { aggregate: average }              | b.yaml:4:24 baseline.aggregate: must be median, mean or a percentile pNN above 0 and at most 100 such as p90, got 'average'
            { alpha: 1 }                        | b.yaml:4:20 baseline.alpha: must be > 0 and < 1, got 1
            { runs: 0 }                         | b.yaml:4:19 baseline.runs: must be 1-1000, got 0
            { noHistory: fail }                 | b.yaml:4:24 baseline.noHistory: must be inconclusive or pass, got 'fail'
            { form: run }                       | b.yaml:4:13 baseline.form: unknown key 'form' (did you mean 'from'?)
            """)
    void reportsBadBaselinesWithLineAndColumn(String section, String expected) {
        assertThat(problems("baseline: " + section + "\n")).containsExactly(expected);
    }

    @Test
    void refusesANonBooleanRollbackIfWorse() {
        assertThat(problems("settings: { rollbackIfWorse: yes }\n")).singleElement()
                .isEqualTo("b.yaml:4:30 settings.rollbackIfWorse: must be true or false, got 'yes'");
    }
}
