package io.jenkins.plugins.clusterbench;

import java.io.Serializable;
import java.util.List;

/**
 * One row of the effect table as the build page shows it: the cells of core's {@code EffectTable} row, so the page
 * says what the console, the audit report and junit.xml say. A plain class for XStream, like {@link ChangeLine}.
 */
public final class EffectLine implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String metric;
    private final String before;
    private final String after;
    private final String change;
    private final String verdict;

    EffectLine(String metric, String before, String after, String change, String verdict) {
        this.metric = metric;
        this.before = before;
        this.after = after;
        this.change = change;
        this.verdict = verdict;
    }

    /** The row's cells in {@code EffectTable.HEADER}'s order: metric, before, after, change, verdict. */
    static EffectLine of(List<String> row) {
        return new EffectLine(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4));
    }

    /** The metric, {@code probe.metric}. */
    public String getMetric() {
        return metric;
    }

    /** Before tuning: the median of the rounds, with their range. */
    public String getBefore() {
        return before;
    }

    /** Tuned: the median of the rounds, with their range. */
    public String getAfter() {
        return after;
    }

    /** The change with its 95% interval, or a dash when none was estimated. */
    public String getChange() {
        return change;
    }

    /** One of "improved", "worse", "no detectable change", "inconclusive". */
    public String getVerdict() {
        return verdict;
    }
}
