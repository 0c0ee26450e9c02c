package io.clusterbench.result;

import java.io.Serializable;
import java.util.Optional;

/**
 * How strict a gate is: the same four settings for {@code clusterbench assert}/{@code run} and the Jenkins steps.
 *
 * @param minScore the score below which the gate fails (0-100); it replaces the spec's {@code score.pass} and
 *     {@code score.warning}, so the verdict is decided with it, or null to keep the spec's thresholds
 * @param unstableBelow the score below which a gate that does not fail is UNSTABLE (0-100), or null
 * @param failOnWarning whether a WARNING verdict fails the gate (otherwise it is UNSTABLE)
 * @param failOnInconclusive whether an INCONCLUSIVE verdict fails the gate (otherwise it is UNSTABLE)
 */
public record GatePolicy(Double minScore, Double unstableBelow, boolean failOnWarning, boolean failOnInconclusive)
        implements Serializable {

    /** The spec's thresholds; FAIL and ERROR fail, WARNING and INCONCLUSIVE are UNSTABLE. */
    public static final GatePolicy DEFAULT = new GatePolicy(null, null, false, false);

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException naming the setting and its allowed range, for fronts to print as a usage error
     */
    public GatePolicy {
        checkScore("the minimum score", minScore);
        checkScore("the unstable-below score", unstableBelow);
    }

    /**
     * What is wrong with a score as a front's form or option text holds it, or empty when it is blank (not given)
     * or a number from 0 to 100: the rule of {@link #checkScore} for text that may not be a number at all.
     */
    public static Optional<String> scoreProblem(String name, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Optional.of(name + " must be a number from 0 to 100, got '" + text.trim() + "'");
        }
        try {
            checkScore(name, value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * The one range rule for both scores, for fronts that check an option before anything runs.
     *
     * @param name how the front names the setting, such as {@code --min-score} or {@code minimum}
     * @throws IllegalArgumentException "NAME must be a number from 0 to 100, got VALUE"
     */
    public static void checkScore(String name, Double value) {
        if (value != null && !(value >= 0 && value <= 100)) {
            throw new IllegalArgumentException(name + " must be a number from 0 to 100, got "
                    + (value.isNaN() ? "NaN" : Numbers.format(value)));
        }
    }
}
