package io.clusterbench.result;

import java.util.List;
import java.util.Objects;

/**
 * One objective's judgement, with everything needed to explain it: the measured value, the bound it was held to,
 * the baseline and where it came from, the statistic, and its contribution to the score.
 *
 * @param metric the metric as the spec names it, {@code probe.metric}
 * @param pass the pass criterion as written, such as {@code <= 2} or {@code <= +10%}
 * @param warning the warning criterion as written, or null
 * @param weight the objective's weight
 * @param key whether failing it fails the run whatever the score
 * @param status how it was judged
 * @param measured the measured value, or null when there was no data
 * @param unit the metric's unit, or null when there was no data
 * @param bound the absolute bound the value was held to (for relative criteria: computed from the baseline), or null
 * @param baseline the baseline value, or null for absolute criteria or without history
 * @param baselineRuns the run ids the baseline came from
 * @param statistic the test used on raw samples, such as {@code mann-whitney-u}, or null
 * @param pValue the test's p-value, or null
 * @param score the objective's score from 0 to 1
 * @param contribution its share of the total, in points out of 100
 * @param explanation one sentence why, with the numbers
 */
public record ObjectiveResult(
        String metric,
        String pass,
        String warning,
        double weight,
        boolean key,
        ObjectiveStatus status,
        Double measured,
        String unit,
        Double bound,
        Double baseline,
        List<String> baselineRuns,
        String statistic,
        Double pValue,
        double score,
        double contribution,
        String explanation) {

    public ObjectiveResult {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(pass, "pass");
        Objects.requireNonNull(status, "status");
        baselineRuns = baselineRuns == null ? List.of() : List.copyOf(baselineRuns);
        Objects.requireNonNull(explanation, "explanation");
    }
}
