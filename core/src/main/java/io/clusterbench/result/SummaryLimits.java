package io.clusterbench.result;

import io.clusterbench.spec.TrendSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Bounds on the summary a CI build stores of each result (Jenkins keeps it in build.xml and reads it for every build
 * its trend shows), so that its size does not grow with the spec: a spec with hundreds of objectives still stores a
 * summary of a few kilobytes. What is left out stays in result.json and on the result's own page.
 */
public final class SummaryLimits {
    /** Metrics kept per result: the trend's own first, then the failed objectives', then the rest by name. */
    public static final int MAX_METRICS = 40;
    /** Capacity lines (one per searching probe) kept per result; the rest stay in result.json. */
    public static final int MAX_CAPACITIES = 20;
    /** Failed objectives named per result; the count of all of them is kept beside. */
    public static final int MAX_FAILED_OBJECTIVES = 20;
    /** Trend metrics kept per result: as many as a trend draws. */
    public static final int MAX_TREND_METRICS = TrendSettings.MAX_METRICS;
    /** Metric names longer than this are left out of a summary rather than cut, since a cut name names nothing. */
    public static final int MAX_NAME_LENGTH = 200;

    private SummaryLimits() {
    }

    /**
     * At most {@link #MAX_METRICS} of {@code metrics}, sorted by name: those named in {@code first} (in its order) are
     * kept before any other, then the capacities a search found ({@link CapacityMetrics#isCapacity}), the trend's
     * default lines, then the others by name; names longer than {@link #MAX_NAME_LENGTH} are dropped.
     */
    public static TreeMap<String, Double> metrics(Map<String, Double> metrics, Collection<String> first) {
        Set<String> order = new LinkedHashSet<>();
        for (String name : first) {
            if (metrics.containsKey(name)) {
                order.add(name);
            }
        }
        new TreeMap<>(metrics).keySet().stream()
                .filter(name -> CapacityMetrics.isCapacity(name.substring(name.lastIndexOf('.') + 1)))
                .forEach(order::add);
        order.addAll(new TreeMap<>(metrics).keySet());
        TreeMap<String, Double> kept = new TreeMap<>();
        for (String name : order) {
            if (kept.size() == MAX_METRICS) {
                break;
            }
            if (name.length() <= MAX_NAME_LENGTH) {
                kept.put(name, metrics.get(name));
            }
        }
        return kept;
    }

    /** The first {@code max} names of {@code names} that are at most {@link #MAX_NAME_LENGTH} long. */
    public static ArrayList<String> names(List<String> names, int max) {
        ArrayList<String> kept = new ArrayList<>();
        for (String name : names) {
            if (kept.size() == max) {
                break;
            }
            if (name != null && name.length() <= MAX_NAME_LENGTH) {
                kept.add(name);
            }
        }
        return kept;
    }
}
