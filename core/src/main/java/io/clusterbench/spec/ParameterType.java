package io.clusterbench.spec;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The type and allowed values of one probe or action parameter; {@link #describe()} says them the way error
 * messages and the parameter tables of docs/probes.md do.
 */
public sealed interface ParameterType {

    /** What a value must be, such as {@code 1-10000} or {@code GET, HEAD or POST}. */
    String describe();

    /** A whole number in min..max, bound to Long. */
    record Whole(long min, long max) implements ParameterType {
        @Override
        public String describe() {
            return Values.wholeRange(min, max);
        }
    }

    /** A number in a range, bound to Double. */
    record Real(Range range) implements ParameterType {
        @Override
        public String describe() {
            return range.describe();
        }
    }

    /** Non-empty text, matching {@code pattern} when one is given ({@code help} says what matches). */
    record Text(Pattern pattern, String help) implements ParameterType {
        static Text any() {
            return new Text(null, "");
        }

        @Override
        public String describe() {
            return pattern == null ? "text" : help;
        }
    }

    /** One of a few words. */
    record Choice(List<String> words) implements ParameterType {
        @Override
        public String describe() {
            return Suggestions.orList(words);
        }
    }

    /** true or false. */
    record Flag() implements ParameterType {
        @Override
        public String describe() {
            return "true or false";
        }
    }

    /**
     * A duration such as 10s; {@code zeroAllowed} lets {@code 0s} through for parameters where zero means "none"
     * (a warm-up switched off), while a zero timeout or load duration stays refused.
     */
    record Length(boolean zeroAllowed) implements ParameterType {
        Length() {
            this(false);
        }

        @Override
        public String describe() {
            return zeroAllowed ? "a duration, `0s` for none" : "a duration";
        }
    }

    /** A list of text items (any text when {@code choices} is empty), bound to {@code List<String>}. */
    record Words(List<String> choices, boolean nonEmpty) implements ParameterType {
        @Override
        public String describe() {
            return "list of " + (choices.isEmpty() ? "text" : Suggestions.orList(choices));
        }
    }

    /** A map of names (matching {@code keyPattern}) to text, bound to {@code Map<String, String>}. */
    record TextMap(Pattern keyPattern, String keyHelp) implements ParameterType {
        @Override
        public String describe() {
            return "map of " + keyHelp + " to text";
        }
    }

    /** A non-empty list of numbers in a range, bound to {@code List<Double>}. */
    record Reals(Range range) implements ParameterType {
        @Override
        public String describe() {
            return "list of numbers " + range.describe();
        }
    }

    /** A map from some of {@code keys} to numbers in a range, bound to {@code Map<String, Double>}. */
    record RealMap(List<String> keys, Range range) implements ParameterType {
        @Override
        public String describe() {
            return "map of " + Suggestions.orList(keys) + " to numbers " + range.describe();
        }
    }

    /** A file path, resolved against the spec's folder unless absolute or starting with ~. */
    record FilePath() implements ParameterType {
        @Override
        public String describe() {
            return "a path";
        }
    }

    /**
     * A load profile ({@link LoadProfile}) over one of {@code knobs}, each within its range (whole numbers for the
     * knobs in {@code whole}); {@code continuous} when the probe runs a continuous ramp of its first knob.
     */
    record Profile(List<String> knobs, List<Range> ranges, List<String> whole, boolean continuous)
            implements ParameterType {
        @Override
        public String describe() {
            return "steps or a ramp of " + Suggestions.orList(knobs);
        }
    }

    /** The id of a host. */
    record HostRef() implements ParameterType {
        @Override
        public String describe() {
            return "a host id";
        }
    }

    /** The id of a probe. */
    record ProbeRef() implements ParameterType {
        @Override
        public String describe() {
            return "a probe id";
        }
    }

    /** Redis runtime parameters to CONFIG SET, checked by {@link RedisConfigPolicy}. */
    record RedisSettings() implements ParameterType {
        @Override
        public String describe() {
            return "map of Redis parameter to value";
        }
    }
}
