package io.clusterbench.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonMapsTest {

    private static final MetricEffect WORSE = new MetricEffect("cache.p99_ms", "ms", true,
            new RoundSpread(0.405, 0.398, 0.431, 5), new RoundSpread(0.451, 0.439, 0.468, 5), 0.043, 0.02, 0.063,
            10.4, 4.64, 15.6, 5.0, 0.02, 0.968, EffectVerdict.WORSE, "worse: +10.4%");
    private static final MetricEffect UNKNOWN = MetricEffect.without("lb.p50_ms", "ms", false, null, null,
            EffectVerdict.INCONCLUSIVE, "inconclusive: 3 rounds against 5");

    private static RunComparison comparison() {
        return new RunComparison("run-a", RunComparison.ALTERNATING, "ABBAABBAAB", 5, "every change rolled back",
                List.of(WORSE, UNKNOWN), List.of(), true, true, "cache.p99_ms got worse");
    }

    @Test
    void givesTheComparisonsFieldsAndOneMapPerEffectInOrder() {
        Map<String, Object> map = ComparisonMaps.of(comparison());

        assertThat(map).containsExactly(Map.entry("design", "alternating"), Map.entry("order", "ABBAABBAAB"),
                Map.entry("roundsPerCondition", 5), Map.entry("regressed", true), Map.entry("rolledBack", true),
                Map.entry("explanation", "cache.p99_ms got worse"), Map.entry("effects", ComparisonMaps.effects(
                        comparison())));
        assertThat(ComparisonMaps.effects(comparison())).extracting(e -> e.get("metric"))
                .containsExactly("cache.p99_ms", "lb.p50_ms");
    }

    @Test
    void anEffectCarriesItsVerdictInWordsItsIntervalsAndItsReason() {
        Map<String, Object> effect = ComparisonMaps.effect(WORSE);

        assertThat(effect.keySet()).containsExactly("metric", "unit", "key", "verdict", "change", "changeLow",
                "changeHigh", "changePct", "changePctLow", "changePctHigh", "detectablePct", "reason");
        assertThat(effect).containsEntry("verdict", "worse").containsEntry("unit", "ms").containsEntry("key", true)
                .containsEntry("change", 0.043).containsEntry("changeLow", 0.02).containsEntry("changeHigh", 0.063)
                .containsEntry("changePct", 10.4).containsEntry("changePctLow", 4.64)
                .containsEntry("changePctHigh", 15.6).containsEntry("detectablePct", 5.0)
                .containsEntry("reason", "worse: +10.4%");
    }

    @Test
    void numbersThatWereNotComputedAreNullAndTheVerdictIsOneOfTheFourWords() {
        Map<String, Object> effect = ComparisonMaps.effect(UNKNOWN);

        assertThat(effect).containsEntry("verdict", "inconclusive").containsEntry("change", null)
                .containsEntry("changePct", null).containsEntry("detectablePct", null);
        for (EffectVerdict verdict : EffectVerdict.values()) {
            assertThat(ComparisonMaps.effect(MetricEffect.without("m", "ms", false, null, null, verdict, "r"))
                    .get("verdict")).isIn("improved", "worse", "no detectable change", "inconclusive");
        }
    }

    @Test
    void holdsOnlyPlainValuesAndSerializes() throws Exception {
        Map<String, Object> map = ComparisonMaps.of(comparison());

        assertPlain(map);
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(map);
        }
    }

    private static void assertPlain(Object value) {
        if (value instanceof Map<?, ?> map) {
            map.keySet().forEach(key -> assertThat(key).isInstanceOf(String.class));
            map.values().forEach(ComparisonMapsTest::assertPlain);
        } else if (value instanceof Collection<?> list) {
            assertThat(list).isInstanceOf(List.class);
            list.forEach(ComparisonMapsTest::assertPlain);
        } else if (value != null) {
            assertThat(value).isInstanceOfAny(String.class, Number.class, Boolean.class);
        }
    }
}
