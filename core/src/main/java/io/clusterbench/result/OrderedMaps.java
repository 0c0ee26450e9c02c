package io.clusterbench.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Unmodifiable copies of maps that keep their order. {@code Map.copyOf} iterates in hash order, so a tuning's
 * {@code set: {timeout: 300, tcp-keepalive: 300}} would print in an order that changes between JVMs; records of a
 * result copy their maps here instead, so reports and result.json list them in spec order.
 */
public final class OrderedMaps {

    private OrderedMaps() {
    }

    /** An unmodifiable copy in {@code map}'s iteration order; null keys and values are refused as by Map.copyOf. */
    public static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        Map<K, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "key"),
                Objects.requireNonNull(value, () -> "value of " + key)));
        return Collections.unmodifiableMap(copy);
    }
}
