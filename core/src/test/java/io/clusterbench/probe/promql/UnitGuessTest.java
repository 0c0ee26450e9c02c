package io.clusterbench.probe.promql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitGuessTest {

    @Test
    void takesTheUnitFromTheQueryNameFirst() {
        assertThat(UnitGuess.of("gpu_util_pct", Map.of("__name__", "DCGM_FI_DEV_GPU_UTIL"))).isEqualTo("percent");
        assertThat(UnitGuess.of("cache_hit_ratio", Map.of())).isEqualTo("ratio");
    }

    @Test
    void fallsBackToTheSeriesNameByPrometheusConventions() {
        assertThat(UnitGuess.of("value", Map.of("__name__", "node_memory_MemTotal_bytes"))).isEqualTo("bytes");
        assertThat(UnitGuess.of("value", Map.of("__name__", "node_cpu_seconds_total"))).isEqualTo("s");
        assertThat(UnitGuess.of("value", Map.of("__name__", "vllm:num_requests_total"))).isEqualTo("count");
    }

    @Test
    void claimsNothingWithoutAKnownSuffix() {
        assertThat(UnitGuess.of("value", Map.of("__name__", "up"))).isEqualTo("value");
        assertThat(UnitGuess.of("gpu", Map.of())).isEqualTo("value");
    }

    @Test
    void readsPrometheusSpellingOfInfinityAndNotANumber() {
        assertThat(InstantResult.parseValue("+Inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(InstantResult.parseValue("-Inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(InstantResult.parseValue("NaN")).isNaN();
        assertThat(InstantResult.parseValue("1e3")).isEqualTo(1000.0);
    }
}
