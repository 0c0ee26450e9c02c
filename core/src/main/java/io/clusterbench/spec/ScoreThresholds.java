package io.clusterbench.spec;

/** The total scores (0-100) at or above which a run passes or only warns; {@code warning <= pass}. */
public record ScoreThresholds(double pass, double warning) {

    /** 90 to pass, 75 to warn. */
    public static final ScoreThresholds DEFAULT = new ScoreThresholds(90, 75);
}
