package io.clusterbench.cli;

import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.Evidence;
import io.clusterbench.result.Numbers;
import io.clusterbench.control.TuningListener;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints one line per tuning step as it happens, and the summary of outcomes at the end. */
final class TuningPrinter implements TuningListener {
    private final PrintWriter out;

    TuningPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void note(String line) {
        out.println(line);
    }

    @Override
    public void step(Evidence evidence) {
        synchronized (out) {
            out.printf("  %-22s %-16s %s%n", evidence.action(), evidence.step(), evidence.message());
            out.flush();
        }
    }

    @Override
    public void planned(ChangeOutcome outcome) {
        synchronized (out) {
            out.printf("  %-22s %-10s %s: %s%s%n", outcome.action(), outcome.status().name().toLowerCase(Locale.ROOT),
                    outcome.target(), outcome.optional() ? "(optional) " : "", outcome.message());
            out.flush();
        }
    }

    static void summary(List<ChangeOutcome> changes, PrintWriter out) {
        out.printf("%-22s %-16s %-8s %s%n", "action", "status", "verified", "before -> after");
        for (ChangeOutcome change : changes) {
            String status = change.status() + (change.optional() ? " (opt.)" : "");
            out.printf("%-22s %-16s %-8s %s -> %s%n", change.action(), status, Numbers.yesNo(change.verified()),
                    change.before(), change.after());
        }
    }
}
