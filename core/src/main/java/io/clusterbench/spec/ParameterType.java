package io.clusterbench.spec;

import java.util.List;
import java.util.regex.Pattern;

/** The type and allowed values of one probe or action parameter, as listed in {@link ParameterRegistry}. */
sealed interface ParameterType {

    /** A whole number in min..max, bound to Long. */
    record Whole(long min, long max) implements ParameterType {
    }

    /** A number in a range, bound to Double. */
    record Real(Range range) implements ParameterType {
    }

    /** Non-empty text, matching {@code pattern} when one is given ({@code help} says what matches). */
    record Text(Pattern pattern, String help) implements ParameterType {
        static Text any() {
            return new Text(null, "");
        }
    }

    /** One of a few words. */
    record Choice(List<String> words) implements ParameterType {
    }

    /** true or false. */
    record Flag() implements ParameterType {
    }

    /** A duration such as 10s. */
    record Length() implements ParameterType {
    }

    /** A list of text items (any text when {@code choices} is empty), bound to {@code List<String>}. */
    record Words(List<String> choices, boolean nonEmpty) implements ParameterType {
    }

    /** A map of names (matching {@code keyPattern}) to text, bound to {@code Map<String, String>}. */
    record TextMap(Pattern keyPattern, String keyHelp) implements ParameterType {
    }

    /** A non-empty list of numbers in a range, bound to {@code List<Double>}. */
    record Reals(Range range) implements ParameterType {
    }

    /** A map from some of {@code keys} to numbers in a range, bound to {@code Map<String, Double>}. */
    record RealMap(List<String> keys, Range range) implements ParameterType {
    }

    /** A file path, resolved against the spec's folder unless absolute or starting with ~. */
    record FilePath() implements ParameterType {
    }

    /** The id of a host. */
    record HostRef() implements ParameterType {
    }

    /** The id of a probe. */
    record ProbeRef() implements ParameterType {
    }

    /** Redis runtime parameters to CONFIG SET, checked by {@link RedisConfigPolicy}. */
    record RedisSettings() implements ParameterType {
    }
}
