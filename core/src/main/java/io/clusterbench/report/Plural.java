package io.clusterbench.report;

/** A count with its noun in the right number, so a report says "1 failure and 2 warnings", never "1 failures". */
final class Plural {

    private Plural() {
    }

    /** {@code 1 probe}, {@code 0 probes}, {@code 3 evidence steps}: the nouns of the reports take a plain s. */
    static String of(long count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }
}
