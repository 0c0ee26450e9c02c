package io.clusterbench.spec;

import java.util.Objects;

/**
 * A pass or warning condition such as {@code <= 2} (absolute) or {@code <= +10%} (relative to the baseline).
 *
 * <p>For relative modes {@code value} is signed: {@code +10%} is 10.0, {@code -5%} is -5.0, {@code +3ms} is 3.0.
 * {@code text} is the criterion as written, for reports.
 */
public record Criterion(Comparison op, double value, CriterionMode mode, String text) {

    public Criterion {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(text, "text");
    }

    /** The number the metric is compared with, given the baseline (ignored for absolute criteria). */
    public double limit(double baseline) {
        return switch (mode) {
            case ABSOLUTE -> value;
            case RELATIVE_PERCENT -> baseline * (1 + value / 100);
            case RELATIVE_DELTA -> baseline + value;
        };
    }

    /** Whether this criterion needs a baseline to be judged. */
    public boolean isRelative() {
        return mode != CriterionMode.ABSOLUTE;
    }

    @Override
    public String toString() {
        return text;
    }
}
