package io.clusterbench.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {

    private final Parameters parameters = new Parameters(new LinkedHashMap<>(Map.of(
            "clients", 50L, "rate", 2.5, "method", "GET", "tls", true, "duration", Duration.ofSeconds(10),
            "commands", List.of("get", "set"), "headers", Map.of("Accept", "text/plain"),
            "percentiles", List.of(50.0, 99.0), "goodput", Map.of("ttft_ms", 200.0))));

    @Test
    void returnsTypedValuesAndDefaults() {
        assertThat(parameters.optionalLong("clients")).hasValue(50);
        assertThat(parameters.longValue("pipeline", 1)).isEqualTo(1);
        assertThat(parameters.doubleValue("rate", 0)).isEqualTo(2.5);
        assertThat(parameters.doubleValue("clients", 0)).isEqualTo(50.0);
        assertThat(parameters.string("method", "HEAD")).isEqualTo("GET");
        assertThat(parameters.bool("tls", false)).isTrue();
        assertThat(parameters.duration("duration", Duration.ZERO)).isEqualTo(Duration.ofSeconds(10));
        assertThat(parameters.duration("timeout", Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(parameters.stringList("commands")).containsExactly("get", "set");
        assertThat(parameters.stringList("absent")).isEmpty();
        assertThat(parameters.stringMap("headers")).containsEntry("Accept", "text/plain");
        assertThat(parameters.doubleList("percentiles")).containsExactly(50.0, 99.0);
        assertThat(parameters.doubleMap("goodput")).containsEntry("ttft_ms", 200.0);
        assertThat(parameters.has("rate")).isTrue();
        assertThat(parameters.has("concurrency")).isFalse();
    }

    @Test
    void treatsAGetterOfTheWrongTypeAsAProgrammingError() {
        assertThatThrownBy(() -> parameters.optionalLong("method")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parameter 'method' holds String, not Long");
        assertThatThrownBy(() -> parameters.stringList("percentiles")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void isImmutableEvenWhenGivenMutableValues() {
        List<String> commands = new ArrayList<>(List.of("get"));
        Parameters copy = new Parameters(Map.of("commands", commands));
        commands.add("set");

        assertThat(copy.stringList("commands")).containsExactly("get");
        assertThatThrownBy(() -> copy.asMap().put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.stringList("commands").add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
