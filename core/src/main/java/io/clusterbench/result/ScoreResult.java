package io.clusterbench.result;

import java.util.List;
import java.util.Objects;

/**
 * The score of a run against the spec's objectives: 100 x the weighted mean of the objectives' scores, one decimal,
 * and the verdict that follows from the score, the thresholds and the key objectives.
 *
 * @param score the total from 0 to 100, one decimal
 * @param verdict the verdict
 * @param passThreshold the score at or above which the run passes (the spec's {@code score.pass})
 * @param warningThreshold the score at or above which a run that does not pass is a warning
 * @param explanation one sentence why the verdict is what it is, with the numbers
 * @param objectives every objective's judgement, in spec order
 */
public record ScoreResult(
        double score,
        Verdict verdict,
        double passThreshold,
        double warningThreshold,
        String explanation,
        List<ObjectiveResult> objectives) {

    public ScoreResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(explanation, "explanation");
        objectives = List.copyOf(objectives);
    }
}
