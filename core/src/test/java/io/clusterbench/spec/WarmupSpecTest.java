package io.clusterbench.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A warm-up is a duration that, unlike a load's duration or a timeout, may be 0s: no warm-up at all. */
class WarmupSpecTest {

    private static final String HEAD = """
            cluster: c
            services: { cache: { type: redis, address: 127.0.0.1 } }
            """;

    private static Parameters probe(String parameters) throws SpecException {
        return SpecFiles.loadText("w.yaml", HEAD + "probes: { load: { service: cache" + parameters + " } }\n",
                Map.of()).spec().probes().get("load").parameters();
    }

    private static List<String> problems(String parameters) {
        SpecException[] caught = new SpecException[1];
        assertThatThrownBy(() -> SpecLoader.load("w.yaml", HEAD + "probes: { load: { service: cache" + parameters
                + " } }\n", Path.of("/specs"), SpecFiles.NO_ENVIRONMENT))
                .isInstanceOfSatisfying(SpecException.class, e -> caught[0] = e);
        return caught[0].problems().stream().map(SpecProblem::format).toList();
    }

    @Test
    void warmsUpForOneSecondUnlessTheSpecSaysOtherwise() throws Exception {
        assertThat(RedisDescriptor.WARMUP.in(probe(""))).isEqualTo(Duration.ofSeconds(1));
        assertThat(RedisDescriptor.WARMUP.in(probe(", warmup: 250ms"))).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void acceptsAZeroWarmUpButStillRefusesAZeroLoadDuration() throws Exception {
        assertThat(RedisDescriptor.WARMUP.in(probe(", warmup: 0s"))).isZero();
        assertThat(problems(", duration: 0s")).singleElement().asString()
                .contains("probes.load.duration: must be longer than 0, got 0s");
    }

    @Test
    void saysThatZeroSwitchesTheWarmUpOff() {
        assertThat(RedisDescriptor.WARMUP.allowed()).isEqualTo("a duration, `0s` for none");
        assertThat(RedisDescriptor.DURATION.allowed()).isEqualTo("a duration");
    }
}
