package io.clusterbench.score;

/**
 * How strict a gate is ({@code clusterbench assert}, the {@code assertScore} step).
 *
 * @param minScore a pass threshold (0-100) that replaces the spec's {@code score.pass}, or null to keep it
 * @param failOnWarning whether a WARNING verdict fails the gate
 * @param failOnInconclusive whether an INCONCLUSIVE verdict fails the gate
 */
public record GateOptions(Double minScore, boolean failOnWarning, boolean failOnInconclusive) {

    /** The spec's thresholds; only FAIL and ERROR fail the gate. */
    public static final GateOptions DEFAULT = new GateOptions(null, false, false);

    public GateOptions {
        if (minScore != null && !(minScore >= 0 && minScore <= 100)) {
            throw new IllegalArgumentException("minScore must be 0-100, got " + minScore);
        }
    }
}
