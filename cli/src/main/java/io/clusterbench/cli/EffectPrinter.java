package io.clusterbench.cli;

import io.clusterbench.result.EffectTable;
import io.clusterbench.result.RunComparison;
import java.io.PrintWriter;

/** Prints the effect of the tuning as a table right after the verdict, the same rows as the audit report's. */
final class EffectPrinter {

    private EffectPrinter() {
    }

    static void print(RunComparison comparison, PrintWriter out) {
        if (comparison == null) {
            return;
        }
        out.println();
        EffectTable.consoleLines(comparison).forEach(out::println);
    }
}
