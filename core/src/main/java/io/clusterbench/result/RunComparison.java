package io.clusterbench.result;

import java.util.List;
import java.util.Objects;

/**
 * The tuned condition compared with the condition before tuning, round by round: the proof, or disproof, that
 * tuning helped.
 *
 * @param beforeRunId the run of the condition before tuning
 * @param design {@value #ALTERNATING}, {@value #BEFORE_AFTER}, or {@value #NONE} when nothing was compared
 * @param order the conditions in the order their rounds ran, such as {@code ABBAABBAAB}; empty when none ran
 * @param roundsPerCondition the rounds each condition was to measure
 * @param designNote why this design, and what it cannot rule out
 * @param metrics one effect per key metric, objectives' metrics first
 * @param disturbances other load found on the targets by the quiet-cluster check before the rounds
 * @param regressed whether a metric watched by a key objective is {@link EffectVerdict#WORSE}
 * @param rolledBack whether the tuning was rolled back because of that ({@code rollbackIfWorse: true})
 * @param explanation one sentence with the numbers
 */
public record RunComparison(String beforeRunId, String design, String order, int roundsPerCondition,
        String designNote, List<MetricEffect> metrics, List<Disturbance> disturbances, boolean regressed,
        boolean rolledBack, String explanation) {

    /** Conditions alternated between rounds by applying and rolling back the tuning: drift cancels out. */
    public static final String ALTERNATING = "alternating";
    /** All rounds before tuning, then all after: machine drift between the two is not cancelled. */
    public static final String BEFORE_AFTER = "before-after";
    /** Nothing was compared. */
    public static final String NONE = "none";

    public RunComparison {
        Objects.requireNonNull(beforeRunId, "beforeRunId");
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(designNote, "designNote");
        metrics = List.copyOf(metrics);
        disturbances = disturbances == null ? List.of() : List.copyOf(disturbances);
        Objects.requireNonNull(explanation, "explanation");
    }

    /** The same comparison, rolled back because it regressed. */
    public RunComparison rolledBackBecauseWorse() {
        return new RunComparison(beforeRunId, design, order, roundsPerCondition, designNote, metrics, disturbances,
                true, true, explanation);
    }
}
