package io.clusterbench.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The trend: section, the metrics the trends chart beside the score. */
class TrendSpecTest {

    private static final String HEAD = """
            cluster: c
            services: { cache: { type: redis, address: 127.0.0.1 }, lb: { type: http, url: "http://127.0.0.1:80" } }
            probes: { cache-latency: { service: cache }, lb: { service: lb, rate: 10 }, lb.slow: { service: lb, rate: 1 } }
            """;

    private static ClusterSpec load(String tail) throws SpecException {
        return SpecFiles.loadText("t.yaml", HEAD + tail, Map.of()).spec();
    }

    private static List<String> problems(String tail) {
        SpecException[] caught = new SpecException[1];
        assertThatThrownBy(() -> SpecLoader.load("t.yaml", HEAD + tail, Path.of("/specs"), SpecFiles.NO_ENVIRONMENT))
                .isInstanceOfSatisfying(SpecException.class, e -> caught[0] = e);
        return caught[0].problems().stream().map(SpecProblem::format).toList();
    }

    @Test
    void aSpecWithoutTrendOrWithAnEmptyTrendSectionChoosesNoMetrics() throws Exception {
        assertThat(load("").trend()).isEqualTo(TrendSettings.NONE);
        assertThat(load("trend:\n").trend().metrics()).isEmpty();
    }

    @Test
    void keepsTheMetricsInSpecOrder() throws Exception {
        TrendSettings trend = load("trend: { metrics: [lb.p99_ms, cache-latency.get.p99_ms, lb.slow.error_pct] }\n")
                .trend();

        assertThat(trend.metrics()).containsExactly("lb.p99_ms", "cache-latency.get.p99_ms", "lb.slow.error_pct");
    }

    @Test
    void acceptsSixMetricsAsABlockList() throws Exception {
        TrendSettings trend = load("""
                trend:
                  metrics:
                    - lb.p99_ms
                    - lb.requests_per_s
                    - lb.error_pct
                    - cache-latency.ops_per_s
                    - cache-latency.get.p99_ms
                    - cache-latency.used_memory
                """).trend();

        assertThat(trend.metrics()).hasSize(TrendSettings.MAX_METRICS).endsWith("cache-latency.used_memory");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            { metrics: lb.p99_ms }                   | t.yaml:4:19 trend.metrics: must be a list, got 'lb.p99_ms'
            { metrics: [] }                          | t.yaml:4:19 trend.metrics: must list 1 to 6 metrics, got none
            { metrics: [lb.p99_ms], metric: [] }     | t.yaml:4:32 trend.metric: unknown key 'metric' (did you mean 'metrics'?)
            { }                                      | t.yaml:4:8 trend: missing required key 'metrics'
            [ lb.p99_ms ]                            | t.yaml:4:8 trend: must be a mapping (key: value), got a list
            { metrics: [lb.p99_ms, lb.p99_ms] }      | t.yaml:4:31 trend.metrics[1]: 'lb.p99_ms' is already listed at trend.metrics[0]; list each metric once
            { metrics: [.p99_ms] }                   | t.yaml:4:20 trend.metrics[0]: must be PROBE.METRIC, a probe id and one of its metrics such as cache-latency.p99_ms, got '.p99_ms'
            { metrics: ["lb.p99 ms"] }               | t.yaml:4:20 trend.metrics[0]: must be PROBE.METRIC, a probe id and one of its metrics such as cache-latency.p99_ms, got 'lb.p99 ms'
            { metrics: [redis.p99_ms] }              | t.yaml:4:20 trend.metrics[0]: no probe 'redis' (probes: cache-latency, lb, lb.slow)
            { metrics: [cache-latency] }             | t.yaml:4:20 trend.metrics[0]: names probe 'cache-latency' but none of its metrics: write cache-latency.<metric>, such as cache-latency.p99_ms
            """)
    void reportsABadTrendSectionWithLineAndColumn(String section, String expected) {
        assertThat(problems("trend: " + section + "\n")).containsExactly(expected);
    }

    @Test
    void reportsSevenMetricsOnceAndStillChecksEachOne() {
        String sevenMetrics = "[lb.p50_ms, lb.p90_ms, lb.p95_ms, lb.p99_ms, lb.max_ms, lb.mean_ms, lb]";
        assertThat(problems("trend: { metrics: " + sevenMetrics + " }\n")).containsExactly(
                "t.yaml:4:19 trend.metrics: must list 1 to 6 metrics, got 7: keep the ones that matter most",
                "t.yaml:4:87 trend.metrics[6]: names probe 'lb' but none of its metrics: write lb.<metric>, such as"
                        + " lb.p99_ms");
    }

    @Test
    void refusesADuplicateOrTooManyMetricsWhenBuiltInCode() {
        assertThatThrownBy(() -> new TrendSettings(List.of("a.b", "a.b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> new TrendSettings(List.of("a.1", "a.2", "a.3", "a.4", "a.5", "a.6", "a.7")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 6");
    }
}
