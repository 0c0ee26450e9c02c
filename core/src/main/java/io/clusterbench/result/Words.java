package io.clusterbench.result;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Spells the constants of the enums that result files hold as lowercase words, {@code HTTP_STATUS} as
 * {@code http-status}, so that the files read like the docs and a constant's name is its only spelling.
 */
final class Words {

    private Words() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> List<String> all(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Words::of).toList();
    }

    /** The constant spelled {@code word}; an unknown word names the known ones. */
    static <E extends Enum<E>> E parse(Class<E> type, String word) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> of(c).equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + word
                        + "'; known: " + String.join(", ", all(type))));
    }
}
