package io.clusterbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.spec.ProbeKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProbeRegistryTest {

    @ParameterizedTest
    @EnumSource(ProbeKind.class)
    void bindsAProbeToEveryKindTheSpecKnows(ProbeKind kind) {
        // A kind with a descriptor but no probe would validate and then be skipped at every run.
        assertThat(ProbeRegistry.standard().probe(kind)).as(kind.word()).isPresent();
    }
}
