package io.jenkins.plugins.clusterbench;

import java.io.Serializable;
import java.util.Locale;

/**
 * Which earlier builds of the job give {@code assertScore} its baselines, as written in the step's {@code baseline}
 * option: {@code lastPassing:N} (the last N builds that ended SUCCESS), {@code last:N} (the last N completed builds
 * that did not fail) or {@code none}.
 *
 * @param passingOnly whether only builds that ended SUCCESS count
 * @param count how many builds at most; 0 for none
 */
public record BaselineSelection(boolean passingOnly, int count) implements Serializable {

    /** The default: the five last builds that passed, so a regression is measured against known-good runs. */
    public static final String DEFAULT = "lastPassing:5";

    /** The most builds a baseline may span; more would make every gate read hundreds of archived files. */
    static final int MAX_COUNT = 50;

    public BaselineSelection {
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be 0-" + MAX_COUNT + ", got " + count);
        }
    }

    /**
     * Reads the option; blank means {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException with a message that names the option and the accepted forms
     */
    public static BaselineSelection parse(String text) {
        String value = text == null || text.isBlank() ? DEFAULT : text.trim();
        if (value.equalsIgnoreCase("none")) {
            return new BaselineSelection(true, 0);
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
        return new BaselineSelection(kind.equals("lastpassing"), count);
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException("baseline: '" + value + "' is not understood; write lastPassing:N or"
                + " last:N with N from 1 to " + MAX_COUNT + ", or none");
    }

    @Override
    public String toString() {
        return count == 0 ? "none" : (passingOnly ? "lastPassing:" : "last:") + count;
    }
}
