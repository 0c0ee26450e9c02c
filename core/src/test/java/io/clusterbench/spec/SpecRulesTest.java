package io.clusterbench.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The small rules behind the messages: suggestions, the Redis allow-list, criteria. */
class SpecRulesTest {

    @Test
    void suggestsAKeyWithinTwoEditsOrEqualIgnoringCase() {
        List<String> keys = List.of("address", "port", "user", "keyFile");

        assertThat(Suggestions.closest("adress", keys)).contains("address");
        assertThat(Suggestions.closest("KEYFILE", keys)).contains("keyFile");
        assertThat(Suggestions.closest("colour", keys)).isEmpty();
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.orList(List.of("a", "b", "c"))).isEqualTo("a, b or c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dir", "DIR", "dbfilename", "logfile", "appendfilename", "appenddirname", "pidfile",
        "aclfile", "unixsocket", "include", "loadmodule", "rename-command", "enable-debug-command",
        "enable-protected-configs", "tls-key-file", "tls-cert-file", "cluster-config-file"})
    void refusesRedisParametersThatWriteFilesOrRunCode(String name) {
        assertThat(RedisConfigPolicy.check(name)).hasValueSatisfying(m -> assertThat(m).endsWith(": refused"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"timeout", "hz", "maxmemory-policy", "active-defrag-cycle-min", "Lazyfree-Lazy-Eviction"})
    void allowsRuntimeTuningParameters(String name) {
        assertThat(RedisConfigPolicy.check(name)).isEmpty();
    }

    @Test
    void refusesParametersOffTheAllowList() {
        assertThat(RedisConfigPolicy.check("save")).hasValueSatisfying(m ->
                assertThat(m).startsWith("'save' is not on the allow-list of runtime parameters (allowed: timeout,"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            <= 2      | LESS_OR_EQUAL    | 2    | ABSOLUTE
            <2.5ms    | LESS             | 2.5  | ABSOLUTE
            >= -5%    | GREATER_OR_EQUAL | -5   | RELATIVE_PERCENT
            <= +10%   | LESS_OR_EQUAL    | 10   | RELATIVE_PERCENT
            > +3ms    | GREATER          | 3    | RELATIVE_DELTA
            == .5     | EQUAL            | 0.5  | ABSOLUTE
            """)
    void readsCriteria(String text, Comparison op, double value, CriterionMode mode) throws Exception {
        ClusterSpec spec = SpecFiles.loadText("c.yaml", """
                cluster: c
                services: { cache: { type: redis, address: 127.0.0.1 } }
                probes: { p: { service: cache } }
                objectives: [ { metric: p.p99_ms, pass: "%s" } ]
                """.formatted(text), Map.of()).spec();

        assertThat(spec.objectives().get(0).pass()).isEqualTo(new Criterion(op, value, mode, text.strip()));
    }

    @Test
    void computesLimitsFromTheBaseline() {
        assertThat(new Criterion(Comparison.LESS_OR_EQUAL, 10, CriterionMode.RELATIVE_PERCENT, "<= +10%").limit(200))
                .isCloseTo(220.0, within(1e-9));
        assertThat(new Criterion(Comparison.LESS_OR_EQUAL, -3, CriterionMode.RELATIVE_DELTA, "<= -3").limit(10))
                .isEqualTo(7.0);
        assertThat(new Criterion(Comparison.GREATER, 5, CriterionMode.ABSOLUTE, "> 5").limit(99)).isEqualTo(5.0);
        assertThat(Comparison.LESS.test(1, 2)).isTrue();
        assertThat(Comparison.GREATER_OR_EQUAL.test(1, 2)).isFalse();
    }

    @Test
    void acceptsAWarningThatIsLooserByStrictnessAlone() throws Exception {
        ClusterSpec spec = SpecFiles.loadText("w.yaml", """
                cluster: c
                services: { cache: { type: redis, address: 127.0.0.1 } }
                probes: { p: { service: cache } }
                objectives: [ { metric: p.p99_ms, pass: "< 2", warning: "<= 2" }, { metric: p.ops_per_s, pass: ">= 9", warning: "> 1" } ]
                """, Map.of()).spec();

        assertThat(spec.objectives()).hasSize(2);
    }
}
