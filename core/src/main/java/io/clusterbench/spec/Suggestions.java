package io.clusterbench.spec;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Finds the word someone probably meant, and joins word lists for messages. */
final class Suggestions {

    private static final int MAX_DISTANCE = 2;

    private Suggestions() {
    }

    /** The candidate equal to {@code word} ignoring case, else the first nearest within edit distance 2. */
    static Optional<String> closest(String word, Collection<String> candidates) {
        for (String candidate : candidates) {
            if (candidate.toLowerCase(Locale.ROOT).equals(word.toLowerCase(Locale.ROOT))) {
                return Optional.of(candidate);
            }
        }
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String candidate : candidates) {
            int distance = distance(word, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** " (did you mean 'x'?)" or "" when nothing is close. */
    static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** "a", "a or b", "a, b or c". */
    static String orList(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    /**
     * Checks that {@code name} is one of {@code known} (ids of {@code kind}, such as "host"), reporting "no host
     * 'x'" with a suggestion or the list of known ids at {@code at}.
     */
    static boolean checkReference(Binding binding, Node at, String path,
            String kind, String plural, String name, Collection<String> known) {
        if (known.contains(name)) {
            return true;
        }
        String hint = closest(name, known).map(c -> " (did you mean '" + c + "'?)")
                .orElse(known.isEmpty() ? " (no " + plural + " are defined)"
                        : " (" + plural + ": " + String.join(", ", known) + ")");
        binding.error(at, path, "no " + kind + " '" + name + "'" + hint);
        return false;
    }
}
