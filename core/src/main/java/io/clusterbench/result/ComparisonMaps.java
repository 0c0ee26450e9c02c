package io.clusterbench.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link RunComparison} as plain maps, lists, strings, numbers and booleans, for fronts that hand results to a
 * script (a Jenkins Pipeline) which may hold nothing else; the keys are the record's field names.
 */
public final class ComparisonMaps {

    private ComparisonMaps() {
    }

    /**
     * {@code design}, {@code order}, {@code roundsPerCondition}, {@code regressed}, {@code rolledBack},
     * {@code explanation} and {@code effects} (see {@link #effect}), in that order; mutable copies.
     */
    public static Map<String, Object> of(RunComparison comparison) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("design", comparison.design());
        map.put("order", comparison.order());
        map.put("roundsPerCondition", comparison.roundsPerCondition());
        map.put("regressed", comparison.regressed());
        map.put("rolledBack", comparison.rolledBack());
        map.put("explanation", comparison.explanation());
        map.put("effects", effects(comparison));
        return map;
    }

    /** One map per key metric, in the comparison's order. */
    public static List<Map<String, Object>> effects(RunComparison comparison) {
        List<Map<String, Object>> effects = new ArrayList<>();
        for (MetricEffect effect : comparison.metrics()) {
            effects.add(effect(effect));
        }
        return effects;
    }

    /**
     * {@code metric}, {@code unit}, {@code key}, {@code verdict} (its words, such as "no detectable change"),
     * {@code change}, {@code changeLow}, {@code changeHigh}, {@code changePct}, {@code changePctLow},
     * {@code changePctHigh}, {@code detectablePct} (numbers null where not computed) and {@code reason}.
     */
    public static Map<String, Object> effect(MetricEffect effect) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("metric", effect.metric());
        map.put("unit", effect.unit());
        map.put("key", effect.key());
        map.put("verdict", effect.verdict().words());
        map.put("change", effect.change());
        map.put("changeLow", effect.changeLow());
        map.put("changeHigh", effect.changeHigh());
        map.put("changePct", effect.changePct());
        map.put("changePctLow", effect.changePctLow());
        map.put("changePctHigh", effect.changePctHigh());
        map.put("detectablePct", effect.detectablePct());
        map.put("reason", effect.reason());
        return map;
    }
}
