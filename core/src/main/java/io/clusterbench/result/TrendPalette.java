package io.clusterbench.result;

import io.clusterbench.result.Verdict;

/** The colours of every trend chart, the HTML page's and the Jenkins job's, so a verdict looks the same in both. */
public final class TrendPalette {
    public static final String PASS = "#1a7f37";
    public static final String WARNING = "#d4a72c";
    public static final String FAIL = "#cf222e";
    public static final String INCONCLUSIVE = "#8c959f";
    public static final String ERROR = "#82071e";
    /** The score line between the points. */
    public static final String SCORE_LINE = "#57606a";
    /** One colour per metric line, as many as a spec's trend may choose, so that no two lines look alike. */
    static final String[] METRICS = {"#0969da", "#8250df", "#1b7c83", "#bc4c00", "#bf3989", "#4d2d00"};

    private TrendPalette() {
    }

    /** The colour of a point for a verdict; grey for inconclusive and unscored runs. */
    public static String of(Verdict verdict) {
        if (verdict == null) {
            return INCONCLUSIVE;
        }
        return switch (verdict) {
            case PASS -> PASS;
            case WARNING -> WARNING;
            case FAIL -> FAIL;
            case ERROR -> ERROR;
            case INCONCLUSIVE -> INCONCLUSIVE;
        };
    }

    /** The colour of the {@code index}-th metric line. */
    public static String metric(int index) {
        return METRICS[index % METRICS.length];
    }
}
