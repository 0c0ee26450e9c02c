package io.clusterbench.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the loader refuses in a capacity search before any load is sent, and what it accepts. */
class CapacitySpecTest {

    @Test
    void loadsTheExampleAndKnowsEachSearchsCapacityMetrics() throws Exception {
        ClusterSpec spec = SpecLoader.load(SpecFiles.docs().resolve("examples/capacity.yaml"),
                SpecFiles.NO_ENVIRONMENT).spec();

        ProbeSpec lb = spec.probes().get("lb-capacity");
        assertThat(CapacityParameters.knob(lb)).contains("rate");
        assertThat(CapacityParameters.slo(lb.parameters())).extracting(SloCondition::text)
                .containsExactly("p99_ms <= 50", "error_pct <= 0.1");
        assertThat(lb.kind().descriptor().metrics(lb).accepts("capacity_rps")).isTrue();
        ProbeSpec cache = spec.probes().get("cache-capacity");
        assertThat(cache.kind().descriptor().metrics(cache).accepts("capacity_ops_per_s")).isTrue();
        assertThat(CapacityParameters.knob(cache)).contains("rate");
        assertThat(CapacityParameters.achieved(cache.kind(), "rate")).contains("sent_per_s");
        ProbeSpec llm = spec.probes().get("llm-capacity");
        assertThat(CapacityParameters.slo(llm.parameters())).extracting(SloCondition::text)
                .containsExactly("good_pct >= 90");
        assertThat(llm.kind().descriptor().metrics(llm).accepts("capacity_rps")).isTrue();
        assertThat(llm.kind().descriptor().metrics(llm).accepts("capacity_tokens_per_s")).isTrue();
    }

    @Test
    void aProbeWithoutCapacityWritesNoCapacityMetric() throws Exception {
        ProbeSpec plain = load("rate: 50").spec().probes().get("web");

        assertThat(plain.kind().descriptor().metrics(plain).accepts("capacity_rps")).isFalse();
    }

    @Test
    void refusesASearchWithoutSlo() {
        assertThat(problems("rate: 50, capacity: rate")).containsExactly(
                "probes.web.capacity: a capacity search needs slo: the conditions a load must meet, such as slo:"
                        + " [\"p99_ms <= 50\", \"error_pct <= 0.1\"]");
    }

    @Test
    void refusesAnSloOnAMetricTheProbeDoesNotWriteWithTheClosestName() {
        assertThat(problems("rate: 50, capacity: rate, slo: [\"p99ms <= 50\", \"error_pct < 1\"]")).containsExactly(
                "probes.web.slo[0]: no metric 'p99ms' that a step of probe 'web' writes (did you mean 'p99_ms'?)");
    }

    @Test
    void refusesAConditionThatIsNotMetricOpNumber() {
        assertThat(problems("rate: 50, capacity: rate, slo: [\"p99_ms below 50\"]")).containsExactly(
                "probes.web.slo[0]: must be " + SloCondition.EXAMPLE + ", got 'p99_ms below 50'");
    }

    @Test
    void refusesASearchWithoutAFirstLoadAndTheOtherKnobBeside() {
        assertThat(problems("concurrency: 4, capacity: rate, slo: [\"p99_ms <= 50\"]")).containsExactlyInAnyOrder(
                "probes.web.capacity: a capacity search over rate starts at the rate this probe gives, and it gives"
                        + " none: add rate: N, the first load to try",
                "probes.web.concurrency: the capacity search varies rate, so this probe cannot also fix"
                        + " concurrency: remove it");
    }

    @Test
    void refusesSearchParametersWithoutASearch() {
        assertThat(problems("rate: 50, slo: [\"p99_ms <= 50\"]")).containsExactly(
                "probes.web.slo: slo belongs to a capacity search: add capacity: rate (the knob to vary) or remove"
                        + " slo");
    }

    @Test
    void refusesAMaximumBelowTheFirstLoad() {
        assertThat(problems("rate: 50, capacity: rate, slo: [\"p99_ms <= 50\"], capacityMax: 40")).containsExactly(
                "probes.web.capacityMax: must be above the first load, rate 50, got 40");
    }

    @Test
    void refusesAnOpenAiSearchWithoutGoodputLimits() {
        SpecException e = catchThrowableOfType(() -> SpecFiles.loadText("cluster.yaml", """
                cluster: c
                services:
                  llm: { type: openai, url: "http://127.0.0.1:1" }
                probes:
                  llm-capacity: { service: llm, requestRate: 2, capacity: requestRate, slo: ["ttft_p99_ms <= 500"] }
                """, Map.of()), SpecException.class);

        assertThat(e).as("the spec was accepted").isNotNull();
        assertThat(e.problems()).extracting(p -> p.path() + ": " + p.message()).containsExactly(
                "probes.llm-capacity.capacity: an openai capacity search measures goodput as vllm bench serve"
                        + " --goodput does: add goodput: { ttft_ms: N, tpot_ms: M } (the limits each request must"
                        + " meet) and bound the share of good requests in slo, such as slo: [\"good_pct >= 90\"]");
    }

    private static LoadedSpec load(String parameters) throws SpecException {
        return SpecFiles.loadText("cluster.yaml", """
                cluster: c
                services:
                  lb: { type: http, url: "http://127.0.0.1:1/" }
                probes:
                  web: { service: lb, %s }
                """.formatted(parameters), Map.of());
    }

    private static List<String> problems(String parameters) {
        SpecException e = catchThrowableOfType(() -> load(parameters), SpecException.class);
        assertThat(e).as("the spec was accepted").isNotNull();
        return e.problems().stream().map(p -> p.path() + ": " + p.message()).toList();
    }
}
