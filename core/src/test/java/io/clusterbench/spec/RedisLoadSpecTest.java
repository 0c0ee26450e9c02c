package io.clusterbench.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the loader accepts and refuses of the redis probe's open model, profiles, fcall and capacity search. */
class RedisLoadSpecTest {

    @Test
    void anOpenProbeWritesTheOpenModelsMetricsAndAProfileItsSteps() throws Exception {
        ProbeSpec open = probe("rate: 5000, clients: 8");
        ProbeSpec steps = probe("profile: { steps: [{ rate: 100, for: 1s }, { rate: 200, for: 1s }] }");
        ProbeSpec closed = probe("clients: 8");

        assertThat(open.kind().descriptor().metrics(open).accepts("generator_late")).isTrue();
        assertThat(open.kind().descriptor().metrics(open).accepts("sent_per_s")).isTrue();
        assertThat(steps.kind().descriptor().metrics(steps).accepts("step2.late_ops")).isTrue();
        assertThat(steps.kind().descriptor().metrics(steps).accepts("step2.p99_ms")).isTrue();
        assertThat(steps.kind().descriptor().metrics(steps).accepts("step3.p99_ms")).isFalse();
        assertThat(closed.kind().descriptor().metrics(closed).accepts("sent_per_s")).isFalse();
    }

    @Test
    void loadsTheRedisProfileOfTheLoadShapesExample() throws Exception {
        ProbeSpec steps = SpecLoader.load(SpecFiles.docs().resolve("examples/load-shapes.yaml"),
                SpecFiles.NO_ENVIRONMENT).spec().probes().get("cache-steps");

        assertThat(RedisDescriptor.PROFILE.optionalIn(steps.parameters()).orElseThrow().levels())
                .extracting(LoadProfile.Level::value).containsExactly(2000.0, 8000.0);
        assertThat(steps.kind().descriptor().metrics(steps).accepts("step2.p99_ms")).isTrue();
    }

    @Test
    void aSearchOverRateMeasuresWhatTheGeneratorSent() throws Exception {
        ProbeSpec search = probe("rate: 1000, capacity: rate, slo: [\"p99_ms <= 2\"]");

        assertThat(CapacityParameters.knob(search)).contains("rate");
        assertThat(CapacityParameters.achieved(search.kind(), "rate")).contains("sent_per_s");
        assertThat(search.kind().descriptor().metrics(search).accepts("capacity_ops_per_s")).isTrue();
    }

    @Test
    void refusesARateBesideAProfile() {
        assertThat(problems("rate: 100, profile: { steps: [{ rate: 100, for: 1s }] }"))
                .anySatisfy(p -> assertThat(p).contains("rate").contains("profile"));
    }

    @Test
    void refusesFcallWithoutAFunctionAndAFunctionWithoutFcall() {
        assertThat(problems("commands: [fcall]")).containsExactly("probes.cache-load.commands: fcall calls a Redis"
                + " function the probe does not load: add function: NAME, the function you loaded with FUNCTION LOAD");
        assertThat(problems("function: busy")).containsExactly("probes.cache-load.function: function is called only"
                + " by the fcall command: add fcall to commands or remove function");
    }

    @Test
    void refusesFixedClientsBesideAProfileOfClients() {
        assertThat(problems("clients: 4, profile: { steps: [{ clients: 1, for: 1s }, { clients: 8, for: 1s }] }"))
                .containsExactly("probes.cache-load.clients: the profile sets clients level by level, so the probe"
                        + " cannot also fix clients: remove it");
    }

    private static ProbeSpec probe(String parameters) throws Exception {
        return load(parameters).spec().probes().get("cache-load");
    }

    private static LoadedSpec load(String parameters) throws Exception {
        return SpecLoader.load("cluster.yaml", """
                cluster: c
                services:
                  cache: { type: redis, address: 127.0.0.1, port: 1 }
                probes:
                  cache-load: { service: cache, %s }
                """.formatted(parameters), Path.of("."), new DefaultSecretResolver(Map.<String, String>of()::get));
    }

    private static List<String> problems(String parameters) {
        SpecException e = catchThrowableOfType(() -> load(parameters), SpecException.class);
        assertThat(e).as("the spec was accepted").isNotNull();
        return e.problems().stream().map(p -> p.path() + ": " + p.message()).toList();
    }
}
