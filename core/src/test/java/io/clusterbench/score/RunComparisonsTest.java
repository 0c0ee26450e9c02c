package io.clusterbench.score;

import static io.clusterbench.score.ScoreFixtures.latencyProbe;
import static io.clusterbench.score.ScoreFixtures.objective;
import static io.clusterbench.score.ScoreFixtures.planted;
import static io.clusterbench.score.ScoreFixtures.probe;
import static io.clusterbench.score.ScoreFixtures.run;
import static io.clusterbench.score.ScoreFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.MetricComparison;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.BaselineSettings;
import io.clusterbench.spec.Comparison;
import io.clusterbench.spec.NoDataPolicy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Before/after comparisons: direction, significance and regression. */
class RunComparisonsTest {

    @ParameterizedTest(name = "{0} [{1}]: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            get.p99_ms                 | ms      | LOWER_IS_BETTER
            ttft_p95_ms                | ms      | LOWER_IS_BETTER
            load_s                     | s       | LOWER_IS_BETTER
            errors                     | count   | LOWER_IS_BETTER
            rejected_connections       | count   | LOWER_IS_BETTER
            sark.used_pct              | percent | LOWER_IS_BETTER
            mem_fragmentation_ratio    | ratio   | LOWER_IS_BETTER
            ops_per_s                  | ops/s   | HIGHER_IS_BETTER
            output_tokens_per_s        | tok/s   | HIGHER_IS_BETTER
            keyspace_hit_ratio         | ratio   | HIGHER_IS_BETTER
            sark.mem_available_bytes   | bytes   | HIGHER_IS_BETTER
            connected_clients          | count   | UNKNOWN
            """)
    void derivesTheDirectionFromNameAndUnit(String metric, String unit, MetricDirection expected) {
        assertThat(MetricDirection.of(metric, unit, Optional.empty())).isEqualTo(expected);
    }

    @Test
    void letsTheObjectiveDecideTheDirection() {
        assertThat(MetricDirection.of("connected_clients", "count", Optional.of(Comparison.GREATER_OR_EQUAL)))
                .isEqualTo(MetricDirection.HIGHER_IS_BETTER);
        assertThat(MetricDirection.of("ops_per_s", "ops/s", Optional.of(Comparison.LESS)))
                .isEqualTo(MetricDirection.LOWER_IS_BETTER);
        assertThat(MetricDirection.UNKNOWN.worse(1, 2)).isFalse();
    }

    @Test
    void flagsAKeyLatencyThatGotSignificantlyWorseAsARegression() {
        RunResult before = run("before", 0, latencyProbe("cache", planted(1, 1.0)), probe("host", "ops_per_s",
                1000, "ops/s"));
        RunResult after = run("after", 10, latencyProbe("cache", planted(2, 1.10)), probe("host", "ops_per_s",
                1200, "ops/s"));

        RunComparison c = RunComparisons.compare(spec(List.of(
                objective("cache.get.p99_ms", "<= 5", null, 1, true, NoDataPolicy.FAIL),
                objective("host.ops_per_s", ">= 500"))), before, after, BaselineSettings.DEFAULT);

        assertThat(c.beforeRunId()).isEqualTo("before");
        assertThat(c.metrics()).extracting(MetricComparison::metric)
                .containsExactly("cache.get.p99_ms", "host.ops_per_s");
        MetricComparison latency = c.metrics().get(0);
        assertThat(latency.significant()).isTrue();
        assertThat(latency.worse()).isTrue();
        assertThat(latency.key()).isTrue();
        assertThat(latency.pValue()).isLessThan(0.01);
        MetricComparison throughput = c.metrics().get(1);
        assertThat(throughput.worse()).isFalse();
        assertThat(throughput.significant()).isFalse(); // one number per run: no samples, never significant
        assertThat(throughput.changePct()).isEqualTo(20.0);
        assertThat(c.regressed()).isTrue();
        assertThat(c.rolledBack()).isFalse();
        assertThat(c.explanation()).startsWith("against run before: 2 metrics compared, 1 significantly worse"
                + " (cache.get.p99_ms ").endsWith("a key objective's metric got significantly worse: regressed");
    }

    @Test
    void comparesHeadlineLatenciesAndDoesNotCallNoiseARegression() {
        RunResult before = run("before", 0, latencyProbe("cache", planted(1, 1.0)));
        RunResult after = run("after", 10, latencyProbe("cache", planted(2, 1.0)));

        RunComparison c = RunComparisons.compare(spec(List.of()), before, after, BaselineSettings.DEFAULT);

        assertThat(c.metrics()).extracting(MetricComparison::metric).containsExactly("cache.get.p99_ms");
        assertThat(c.metrics().get(0).significant()).isFalse();
        assertThat(c.metrics().get(0).statistic()).isEqualTo("mann-whitney-u");
        assertThat(c.regressed()).isFalse();
    }

    @Test
    void doesNotCallAnImprovementOfAKeyMetricARegression() {
        RunResult before = run("before", 0, latencyProbe("cache", planted(1, 1.10)));
        RunResult after = run("after", 10, latencyProbe("cache", planted(2, 1.0)));

        RunComparison c = RunComparisons.compare(spec(List.of(objective("cache.get.p99_ms", "<= 5", null, 1, true,
                NoDataPolicy.FAIL))), before, after, BaselineSettings.DEFAULT);

        assertThat(c.metrics().get(0).significant()).isTrue();
        assertThat(c.metrics().get(0).worse()).isFalse();
        assertThat(c.regressed()).isFalse();
    }
}
