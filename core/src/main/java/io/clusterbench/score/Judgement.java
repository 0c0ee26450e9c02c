package io.clusterbench.score;

import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.spec.ObjectiveSpec;
import java.util.List;

/**
 * One objective judged on its own, before the total is known: the status, the 0-1 score and the numbers behind
 * it. {@link Scorer} adds the contribution, which depends on the other objectives' weights.
 *
 * @param objective the objective from the spec
 * @param status how it was judged
 * @param score 1 for pass, the partial credit for warning, 0 for fail; 0 and not counted for the excluded
 * @param measured the measured value, or null without data
 * @param unit the metric's unit, or null without data
 * @param bound the absolute bound of the pass criterion (for relative criteria, from the baseline), or null
 * @param baseline the baseline value, or null
 * @param baselineRuns the runs the baseline came from
 * @param statistic the test on raw samples, or null
 * @param pValue its p-value, or null
 * @param reason the numbers: "cache-latency.get.p99_ms = 1.8 ms <= 2 ms"
 * @param outcome the judgement in words: "pass", "warning at 60% credit", "fail (nodata: fail)"
 */
record Judgement(
        ObjectiveSpec objective,
        ObjectiveStatus status,
        double score,
        Double measured,
        String unit,
        Double bound,
        Double baseline,
        List<String> baselineRuns,
        String statistic,
        Double pValue,
        String reason,
        String outcome) {

    /** The same judgement with other words for its numbers. */
    Judgement withReason(String words) {
        return new Judgement(objective, status, score, measured, unit, bound, baseline, baselineRuns, statistic, pValue,
                words, outcome);
    }

    /** Whether the objective counts in the total (pass, warning or fail). */
    boolean scored() {
        return status == ObjectiveStatus.PASS || status == ObjectiveStatus.WARNING || status == ObjectiveStatus.FAIL;
    }
}
