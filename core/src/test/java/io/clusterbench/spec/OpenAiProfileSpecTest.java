package io.clusterbench.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The openai probe's load profiles as the loader reads them, and a continuous ramp's integrated rate. */
class OpenAiProfileSpecTest {

    @Test
    void loadsTheExampleWithStepsStairsAndAContinuousRamp() throws Exception {
        ClusterSpec spec = SpecLoader.load(SpecFiles.docs().resolve("examples/llm-load.yaml"),
                SpecFiles.NO_ENVIRONMENT).spec();

        LoadProfile steps = OpenAiDescriptor.PROFILE.optionalIn(spec.probes().get("llm-steps").parameters())
                .orElseThrow();
        assertThat(steps.levels()).extracting(LoadProfile.Level::value).containsExactly(1.0, 2.0, 4.0, 8.0);
        ProbeSpec stairs = spec.probes().get("llm-stairs");
        assertThat(OpenAiDescriptor.PROFILE.optionalIn(stairs.parameters()).orElseThrow().levels()).hasSize(10);
        assertThat(stairs.kind().descriptor().metrics(stairs).accepts("step10.ttft_p99_ms")).isTrue();
        assertThat(stairs.kind().descriptor().metrics(stairs).accepts("step10.good_pct")).isTrue();
        LoadProfile ramp = OpenAiDescriptor.PROFILE.optionalIn(spec.probes().get("llm-ramp").parameters())
                .orElseThrow();
        assertThat(ramp.continuous()).isTrue();
        assertThat(ramp.continuousArrivals()).isEqualTo(Math.round((1 + 10) / 2.0 * 120));
    }

    @Test
    void aContinuousRampReachesEachArrivalWhereItsIntegratedRateDoes() {
        LoadProfile up = LoadProfile.continuousRamp("rate", 10, 50, Duration.ofSeconds(10));
        LoadProfile down = LoadProfile.continuousRamp("rate", 50, 10, Duration.ofSeconds(10));
        LoadProfile flat = LoadProfile.continuousRamp("rate", 20, 20, Duration.ofSeconds(10));

        // 10 t + 2 t^2 reaches 100 at t = 5 and 300 at t = 10; 50 t - 2 t^2 reaches 200 at t = 5.
        assertThat(up.secondsAtArrivals(100)).isCloseTo(5, within(1e-9));
        assertThat(up.secondsAtArrivals(300)).isCloseTo(10, within(1e-9));
        assertThat(down.secondsAtArrivals(200)).isCloseTo(5, within(1e-9));
        assertThat(down.secondsAtArrivals(300)).isCloseTo(10, within(1e-9));
        assertThat(flat.secondsAtArrivals(40)).isCloseTo(2, within(1e-9));
        assertThat(up.continuousArrivals()).isEqualTo(300);
    }

    @Test
    void refusesAProfileBesideRequestRateOrACapacitySearch() {
        assertThat(problems("llm", "requestRate: 2, profile: { steps: [{ requestRate: 1, for: 10s }] }"))
                .singleElement().asString().contains("requestRate").contains("profile");
        assertThat(problems("llm", "requests: 20, profile: { ramp: { from: 1, to: 4, over: 10s } }"))
                .singleElement().asString().contains("requests").contains("profile");
    }

    @Test
    void refusesAContinuousRampWhereItCannotRun() {
        assertThat(problems("lb", "profile: { ramp: { of: concurrency, from: 1, to: 4, over: 10s, continuous: true } }"))
                .containsExactly("probes.p.profile.ramp.continuous: only a ramp of rate can be continuous: remove"
                        + " continuous, or ramp rate");
        assertThat(problems("llm", "profile: { ramp: { from: 1, to: 4, over: 10s, stairs: 5, continuous: true } }"))
                .containsExactly("probes.p.profile.ramp.stairs: a continuous ramp has no stairs: remove stairs or"
                        + " continuous");
    }

    private static List<String> problems(String service, String parameters) {
        SpecException e = catchThrowableOfType(() -> SpecFiles.loadText("cluster.yaml", """
                cluster: c
                services:
                  llm: { type: openai, url: "http://127.0.0.1:1" }
                  lb: { type: http, url: "http://127.0.0.1:1/" }
                probes:
                  p: { service: %s, %s }
                """.formatted(service, parameters), Map.of()), SpecException.class);
        assertThat(e).as("the spec was accepted").isNotNull();
        return e.problems().stream().map(p -> p.path() + ": " + p.message()).toList();
    }
}
