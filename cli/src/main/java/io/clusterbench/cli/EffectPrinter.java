package io.clusterbench.cli;

import io.clusterbench.result.EffectTable;
import io.clusterbench.result.EffectVerdict;
import io.clusterbench.result.MetricEffect;
import io.clusterbench.result.RunComparison;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints the effect of the tuning as a table right after the verdict, the same rows as the audit report's. */
final class EffectPrinter {

    private EffectPrinter() {
    }

    static void print(RunComparison comparison, PrintWriter out) {
        if (comparison == null) {
            return;
        }
        out.println();
        out.println("Effect of the tuning: " + comparison.explanation());
        if (comparison.metrics().isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(EffectTable.HEADER);
        rows.addAll(EffectTable.rows(comparison));
        int[] widths = new int[EffectTable.HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append("  ").append(i == row.size() - 1 ? row.get(i)
                        : String.format("%-" + widths[i] + "s", row.get(i)));
            }
            out.println(line);
        }
        out.println("  " + EffectTable.design(comparison));
        for (MetricEffect effect : comparison.metrics()) {
            if (effect.verdict() != EffectVerdict.NO_DETECTABLE_CHANGE) {
                out.println("  " + effect.metric() + ": " + effect.reason());
            }
        }
    }
}
