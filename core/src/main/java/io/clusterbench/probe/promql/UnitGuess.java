package io.clusterbench.probe.promql;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The unit of a query's values, guessed from the suffixes Prometheus' naming conventions put on names
 * ({@code _bytes}, {@code _seconds}, {@code _ratio}, ...): first the query's name as written in the spec, then the
 * series' {@code __name__}. Without a known suffix the unit is {@code value}, which claims nothing.
 */
final class UnitGuess {
    static final String UNKNOWN = "value";

    private static final String COUNTER = "_total";

    /** Suffix and unit. */
    private static final List<Map.Entry<String, String>> SUFFIXES = List.of(
            Map.entry("_bytes", "bytes"),
            Map.entry("_seconds", "s"),
            Map.entry("_ms", "ms"),
            Map.entry("_ratio", "ratio"),
            Map.entry("_pct", "percent"),
            Map.entry("_percent", "percent"),
            Map.entry("_celsius", "celsius"),
            Map.entry("_watts", "W"),
            Map.entry("_per_s", "1/s"),
            Map.entry("_count", "count"));

    private UnitGuess() {
    }

    static String of(String queryName, Map<String, String> labels) {
        return fromName(queryName)
                .or(() -> Optional.ofNullable(labels.get("__name__")).flatMap(UnitGuess::fromName))
                .orElse(UNKNOWN);
    }

    private static Optional<String> fromName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(COUNTER)) {
            // A counter keeps its unit before _total (node_cpu_seconds_total counts seconds); a bare one counts events.
            String base = lower.substring(0, lower.length() - COUNTER.length());
            return Optional.of(unitSuffix(base).orElse("count"));
        }
        return unitSuffix(lower);
    }

    private static Optional<String> unitSuffix(String lower) {
        return SUFFIXES.stream().filter(s -> lower.endsWith(s.getKey())).map(Map.Entry::getValue).findFirst();
    }
}
