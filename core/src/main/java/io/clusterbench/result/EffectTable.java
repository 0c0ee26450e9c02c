package io.clusterbench.result;

import java.util.ArrayList;
import java.util.List;

/**
 * The effect table every front prints right after the verdict, one row per key metric: metric, before (median of
 * its rounds and their range), after, change with its 95% interval, verdict. One class, so that the console, the
 * audit report and junit.xml say the same.
 */
public final class EffectTable {

    /** The column titles. */
    public static final List<String> HEADER = List.of("Metric", "Before (median, range)", "After (median, range)",
            "Change [95% CI]", "Verdict");

    private EffectTable() {
    }

    /** One row of cells per effect, in the comparison's order. */
    public static List<List<String>> rows(RunComparison comparison) {
        List<List<String>> rows = new ArrayList<>();
        for (MetricEffect e : comparison.metrics()) {
            rows.add(List.of(e.metric(), spread(e.before(), e.unit()), spread(e.after(), e.unit()), change(e),
                    e.verdict().words()));
        }
        return rows;
    }

    /**
     * The effect as plain-text lines for a console, the same for the CLI and the Jenkins log: the comparison's
     * sentence, the table with aligned columns, the design line, and the reason of every verdict other than "no
     * detectable change".
     */
    public static List<String> consoleLines(RunComparison comparison) {
        List<String> lines = new ArrayList<>();
        lines.add("Effect of the tuning: " + comparison.explanation());
        if (comparison.metrics().isEmpty()) {
            return lines;
        }
        List<List<String>> table = new ArrayList<>();
        table.add(HEADER);
        table.addAll(rows(comparison));
        int[] widths = new int[HEADER.size()];
        for (List<String> row : table) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : table) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append("  ").append(i == row.size() - 1 ? row.get(i)
                        : String.format("%-" + widths[i] + "s", row.get(i)));
            }
            lines.add(line.toString());
        }
        lines.add("  " + design(comparison));
        for (MetricEffect effect : comparison.metrics()) {
            if (effect.verdict() != EffectVerdict.NO_DETECTABLE_CHANGE) {
                lines.add("  " + effect.metric() + ": " + effect.reason());
            }
        }
        return lines;
    }

    /** "+2.01 ms [+1.98, +2.05] ms (+640% [+600%, +680%])", or a dash when no change was estimated. */
    public static String change(MetricEffect e) {
        if (e.change() == null) {
            return "-";
        }
        String absolute = Numbers.signedEstimate(e.change(), e.unit()) + " "
                + Numbers.interval(e.changeLow(), e.changeHigh(), e.unit());
        return e.changePct() == null ? absolute : absolute + " (" + Numbers.signedEstimate(e.changePct(), "%") + " "
                + Numbers.interval(e.changePctLow(), e.changePctHigh(), "%") + ")";
    }

    /** "0.312 ms (0.298-0.35, 5 rounds)", or a dash. */
    public static String spread(RoundSpread s, String unit) {
        if (s == null) {
            return "-";
        }
        return Numbers.withUnit(s.median(), unit) + " (" + Numbers.format(s.min()) + "-" + Numbers.format(s.max())
                + ", " + s.rounds() + (s.rounds() == 1 ? " round)" : " rounds)");
    }

    /** "Design: alternating (ABBAABBAAB), 5 rounds per condition: NOTE", the line under the table. */
    public static String design(RunComparison comparison) {
        return "Design: " + comparison.design() + (comparison.order().isEmpty() ? "" : " (" + comparison.order()
                + ")") + ", " + comparison.roundsPerCondition() + " rounds per condition: " + comparison.designNote();
    }
}
