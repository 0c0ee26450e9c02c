package io.clusterbench.score;

import io.clusterbench.result.CapacityMetrics;
import io.clusterbench.spec.Comparison;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which way a metric gets worse, so a comparison can say "worse" without a criterion. An objective's pass
 * criterion decides when there is one ({@code <=} or {@code <}: lower is better; {@code >=} or {@code >}: higher is
 * better). Otherwise the name and unit decide, first rule that matches:
 * <ol>
 *   <li>a capacity a search found ({@link CapacityMetrics#isCapacity}) or the lowest load that failed
 *       ({@code capacity_failed_load}): higher is better, whatever the knob's unit (a {@code capacity_load} in
 *       connections is no usage);</li>
 *   <li>the name holds {@code error}, {@code fail}, {@code timeout}, {@code reject}, {@code evict} or
 *       {@code slow}: lower is better;</li>
 *   <li>a rate (the unit ends in {@code /s}, the name ends in {@code per_s}) or the name holds {@code throughput},
 *       {@code goodput}, {@code hit_ratio}, {@code free} or {@code available}: higher is better;</li>
 *   <li>a time (unit {@code ms}, {@code us}, {@code s}; the name ends in {@code _ms}, {@code _us}) or the name
 *       holds {@code latency}: lower is better;</li>
 *   <li>the name holds {@code used}, {@code busy}, {@code util}, {@code load}, {@code swap} or
 *       {@code fragmentation}: lower is better;</li>
 *   <li>anything else: unknown, never counted as worse.</li>
 * </ol>
 */
public enum MetricDirection {
    LOWER_IS_BETTER,
    HIGHER_IS_BETTER,
    UNKNOWN;

    private static final List<String> BAD_EVENTS = List.of("error", "fail", "timeout", "reject", "evict", "slow");
    private static final List<String> GOOD_AMOUNTS = List.of("throughput", "goodput", "hit_ratio", "free",
            "available");
    private static final List<String> USAGE = List.of("used", "busy", "util", "load", "swap", "fragmentation");
    private static final List<String> TIME_UNITS = List.of("ms", "us", "s");

    /** The direction of {@code metric} in {@code unit}, given the pass comparison of an objective on it, if any. */
    public static MetricDirection of(String metric, String unit, Optional<Comparison> objective) {
        if (objective.isPresent() && objective.get().isUpperBound()) {
            return LOWER_IS_BETTER;
        }
        if (objective.isPresent() && objective.get().isLowerBound()) {
            return HIGHER_IS_BETTER;
        }
        String name = metric.toLowerCase(Locale.ROOT);
        String own = name.substring(name.lastIndexOf('.') + 1);
        if (CapacityMetrics.isCapacity(own) || own.equals("capacity_failed_load")) {
            return HIGHER_IS_BETTER;
        }
        String u = unit == null ? "" : unit.toLowerCase(Locale.ROOT);
        if (BAD_EVENTS.stream().anyMatch(name::contains)) {
            return LOWER_IS_BETTER;
        }
        if (u.endsWith("/s") || name.endsWith("per_s") || GOOD_AMOUNTS.stream().anyMatch(name::contains)) {
            return HIGHER_IS_BETTER;
        }
        if (TIME_UNITS.contains(u) || name.endsWith("_ms") || name.endsWith("_us") || name.contains("latency")) {
            return LOWER_IS_BETTER;
        }
        if (USAGE.stream().anyMatch(name::contains)) {
            return LOWER_IS_BETTER;
        }
        return UNKNOWN;
    }

    /** Whether going from {@code before} to {@code after} is the bad way. */
    public boolean worse(double before, double after) {
        return switch (this) {
            case LOWER_IS_BETTER -> after > before;
            case HIGHER_IS_BETTER -> after < before;
            case UNKNOWN -> false;
        };
    }
}
