package io.clusterbench.spec;

import java.util.Arrays;
import java.util.Objects;

/**
 * How the values of several baseline runs become one baseline value: their median, mean or a percentile
 * (spec key {@code baseline.aggregate}: {@code median}, {@code mean} or {@code pNN} such as {@code p90}).
 *
 * @param kind median, mean or percentile
 * @param percentile the percentile (above 0, at most 100) for {@link Kind#PERCENTILE}; 50 for the median, 0 for
 *     the mean
 */
public record BaselineAggregate(Kind kind, double percentile) {

    /** The kinds of aggregate. */
    public enum Kind { MEDIAN, MEAN, PERCENTILE }

    public static final BaselineAggregate MEDIAN = new BaselineAggregate(Kind.MEDIAN, 50);
    public static final BaselineAggregate MEAN = new BaselineAggregate(Kind.MEAN, 0);

    public BaselineAggregate {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.PERCENTILE && !(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be above 0 and at most 100, got " + percentile);
        }
    }

    /** The {@code p}-th percentile. */
    public static BaselineAggregate percentile(double p) {
        return new BaselineAggregate(Kind.PERCENTILE, p);
    }

    /**
     * The aggregate of {@code values} (at least one). Percentiles use the nearest-rank method on the sorted values
     * (the smallest value with at least p% of the values at or below it), so the result is always one of the runs'
     * values; the median of an even count is the mean of the middle two.
     */
    public double apply(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to aggregate");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return switch (kind) {
            case MEAN -> Arrays.stream(sorted).sum() / sorted.length;
            case MEDIAN -> sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            case PERCENTILE -> sorted[Math.max(0, (int) Math.ceil(percentile / 100 * sorted.length) - 1)];
        };
    }

    /** The aggregate as written in a spec: {@code median}, {@code mean} or {@code p90}. */
    public String label() {
        return switch (kind) {
            case MEDIAN -> "median";
            case MEAN -> "mean";
            case PERCENTILE -> "p" + Range.format(percentile);
        };
    }
}
