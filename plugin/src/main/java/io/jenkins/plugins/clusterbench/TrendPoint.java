package io.jenkins.plugins.clusterbench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One build on the trend chart, taken from its {@link ClusterBenchAction}'s small summary, never from an archived file.
 *
 * @param buildNumber the build's number; a click on the point opens it
 * @param label the domain-axis label, such as {@code #12}
 * @param score the build's score, or null when it was not scored
 * @param verdict the verdict's name, such as {@code PASS}, or {@code UNSCORED}
 * @param metrics {@code probe.metric} to value
 * @param failedObjectives the metrics of the objectives that failed, in spec order
 */
public record TrendPoint(int buildNumber, String label, Double score, String verdict, Map<String, Double> metrics,
        List<String> failedObjectives) {

    public TrendPoint {
        metrics = metrics == null ? Map.of() : new TreeMap<>(metrics);
        failedObjectives = failedObjectives == null ? List.of() : List.copyOf(failedObjectives);
    }

    /** The point for a build's summary. */
    static TrendPoint of(int buildNumber, String label, ClusterBenchAction action) {
        return new TrendPoint(buildNumber, label, action.getScore(), action.getVerdict(), action.getMetrics(),
                action.getFailedObjectives());
    }
}
