package io.clusterbench.spec;

/** A range of allowed numbers, which knows how to say itself in a message ("1-65535", ">= 1", "> 0"). */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {

    static final Range ANY = new Range(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);

    static Range between(double min, double max) {
        return new Range(min, true, max, true);
    }

    static Range atLeast(double min) {
        return new Range(min, true, Double.POSITIVE_INFINITY, true);
    }

    static Range above(double min) {
        return new Range(min, false, Double.POSITIVE_INFINITY, true);
    }

    /** Whether {@code value} is in the range. */
    public boolean contains(double value) {
        boolean aboveMin = minInclusive ? value >= min : value > min;
        boolean belowMax = maxInclusive ? value <= max : value < max;
        return aboveMin && belowMax;
    }

    /** The range as messages and docs say it: {@code 1-65535}, {@code > 0 and <= 1000000}. */
    public String describe() {
        boolean hasMin = min != Double.NEGATIVE_INFINITY;
        boolean hasMax = max != Double.POSITIVE_INFINITY;
        if (hasMin && hasMax && minInclusive && maxInclusive) {
            return format(min) + "-" + format(max);
        }
        String lower = (minInclusive ? ">= " : "> ") + format(min);
        String upper = (maxInclusive ? "<= " : "< ") + format(max);
        if (hasMin && hasMax) {
            return lower + " and " + upper;
        }
        return hasMin ? lower : hasMax ? upper : "any number";
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
