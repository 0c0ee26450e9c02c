package io.clusterbench.result;

import io.clusterbench.result.RunResult;
import java.io.Serializable;
import java.util.Locale;

/**
 * Which earlier runs a CI front offers as history, as written in the Jenkins step's {@code baseline} option:
 * {@code lastPassing:N} (the last N runs that count as passing, {@link #countsAsPassing}), {@code last:N}
 * (the last N scored runs whose gate did not fail) or {@code none}. The rule lives here, not in the plugin, so
 * that a build is judged by its result, the same way {@code clusterbench} judges a history folder.
 *
 * @param passingOnly whether only runs that count as passing qualify
 * @param count how many builds at most; 0 for none
 */
public record HistoryWindow(boolean passingOnly, int count) implements Serializable {

    /** The default: the five last builds that passed, so a regression is measured against known-good runs. */
    public static final String DEFAULT = "lastPassing:5";

    /** The most runs a baseline may span; more would make every gate read hundreds of archived files. */
    public static final int MAX_COUNT = 50;

    public HistoryWindow {
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be 0-" + MAX_COUNT + ", got " + count);
        }
    }

    /**
     * Reads the option; blank means {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException with a message that names the option and the accepted forms
     */
    public static HistoryWindow parse(String text) {
        String value = text == null || text.isBlank() ? DEFAULT : text.trim();
        if (value.equalsIgnoreCase("none")) {
            return new HistoryWindow(true, 0);
        }
        int colon = value.indexOf(':');
        String kind = colon < 0 ? "" : value.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!kind.equals("lastpassing") && !kind.equals("last")) {
            throw invalid(value);
        }
        int count;
        try {
            count = Integer.parseInt(value.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            throw invalid(value);
        }
        if (count < 1 || count > MAX_COUNT) {
            throw invalid(value);
        }
        return new HistoryWindow(kind.equals("lastpassing"), count);
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException("baseline: '" + value + "' is not understood; write lastPassing:N or"
                + " last:N with N from 1 to " + MAX_COUNT + ", or none");
    }

    /** Whether an earlier run qualifies for this window. */
    public boolean accepts(RunResult run) {
        if (count == 0 || run.score() == null) {
            return false;
        }
        if (passingOnly) {
            return countsAsPassing(run);
        }
        return run.gate() == null || !run.gate().failed();
    }

    /**
     * Whether a run serves as a {@code last-passing} baseline: its verdict is PASS, or it is INCONCLUSIVE only
     * because relative objectives had no baseline yet (each such objective measured a value; every other
     * objective passed or was ignored). Without the second case the first run of a spec with relative objectives
     * could never pass, so no run would ever become the baseline: a deadlock.
     */
    public static boolean countsAsPassing(RunResult run) {
        if (run.score() == null) {
            return false;
        }
        if (run.score().verdict() == Verdict.PASS) {
            return true;
        }
        if (run.score().verdict() != Verdict.INCONCLUSIVE) {
            return false;
        }
        boolean anyWithoutBaseline = false;
        for (ObjectiveResult objective : run.score().objectives()) {
            switch (objective.status()) {
                case PASS, IGNORED -> { }
                case INCONCLUSIVE -> {
                    if (objective.measured() == null || objective.baseline() != null || objective.bound() != null) {
                        return false;
                    }
                    anyWithoutBaseline = true;
                }
                default -> {
                    return false;
                }
            }
        }
        return anyWithoutBaseline;
    }

    @Override
    public String toString() {
        return count == 0 ? "none" : (passingOnly ? "lastPassing:" : "last:") + count;
    }
}
