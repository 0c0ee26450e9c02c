package io.clusterbench.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The metrics the trends chart beside the score (spec key {@code trend:}), used by {@code clusterbench trend
 * --spec} and the Jenkins job's trend; empty when the spec has no {@code trend:} section.
 *
 * @param metrics {@code probe.metric} names in spec order, at most {@link #MAX_METRICS}, each once
 */
public record TrendSettings(List<String> metrics) {

    /** The most metrics one trend charts beside the score; more lines make a chart that nobody can read. */
    public static final int MAX_METRICS = 6;

    /** No choice: the trends fall back to their default selection. */
    public static final TrendSettings NONE = new TrendSettings(List.of());

    public TrendSettings {
        metrics = List.copyOf(metrics);
        if (metrics.size() > MAX_METRICS) {
            throw new IllegalArgumentException("at most " + MAX_METRICS + " trend metrics, got " + metrics.size());
        }
        Set<String> seen = new HashSet<>();
        for (String metric : metrics) {
            if (!seen.add(metric)) {
                throw new IllegalArgumentException("trend metric " + metric + " is listed twice");
            }
        }
    }
}
