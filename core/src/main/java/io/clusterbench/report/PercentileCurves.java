package io.clusterbench.report;

import io.clusterbench.result.LatencyHistogram;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Percentile curves of a probe's latency histograms, computed from the exact decoded HdrHistograms (not from the
 * summary fields), with every value converted to one display unit.
 *
 * <p>The x axis is {@code log10(1 / (1 - p))}: 0 at the minimum (p = 0), 1 at p90, 2 at p99, 3 at p99.9 and 4 at
 * p99.99, so that the tail, where latency problems live, gets as much room as the median.
 *
 * @param unit the unit of every value: {@code ms} when all histograms hold times, otherwise their common unit
 * @param curves one curve per histogram that holds values, in the probe's order
 * @param left histograms that are not drawn, each with the reason (no values, undecodable, another unit)
 */
record PercentileCurves(String unit, List<Curve> curves, List<String> left) {

    /** The largest x drawn: log10(1 / (1 - 0.9999)), the 99.99th percentile. */
    static final double MAX_X = 4;
    /** Points per decade of x; 20 keeps the curves smooth at 81 points each. */
    static final int POINTS_PER_DECADE = 20;
    /** The percentiles listed in tables and marked on the x axis. */
    static final List<Double> KEY_PERCENTILES = List.of(50.0, 90.0, 99.0, 99.9, 99.99);
    /**
     * The most histograms decoded and drawn per probe: more curves are unreadable in one chart, and a result.json
     * of 64 MiB could otherwise hold a million small histograms for one probe. The rest are named as not drawn.
     */
    static final int MAX_CURVES = 12;

    private static final Map<String, Double> PER_MILLISECOND = Map.of(
            "ns", 1_000_000.0, "us", 1_000.0, "µs", 1_000.0, "ms", 1.0, "s", 0.001);

    PercentileCurves {
        Objects.requireNonNull(unit, "unit");
        curves = List.copyOf(curves);
        left = List.copyOf(left);
    }

    /**
     * One histogram's curve and its key values.
     *
     * @param name the histogram's name
     * @param count how many values it holds
     * @param points the curve, x ascending
     * @param min the smallest value
     * @param keyValues the value at each of {@link #KEY_PERCENTILES}
     * @param max the largest value
     */
    record Curve(String name, long count, List<Point> points, double min, List<Double> keyValues, double max) {
        Curve {
            points = List.copyOf(points);
            keyValues = List.copyOf(keyValues);
        }
    }

    /**
     * One point of a curve.
     *
     * @param x {@code log10(1 / (1 - percentile / 100))}
     * @param percentile the percentile, 0 to 99.99
     * @param value the latency at that percentile, in the curves' unit
     */
    record Point(double x, double percentile, double value) {
    }

    /** Computes the curves of the given histograms (usually one probe's). */
    static PercentileCurves of(List<LatencyHistogram> latencies) {
        boolean allTimes = latencies.stream().allMatch(h -> PER_MILLISECOND.containsKey(unitKey(h.unit())));
        String unit = allTimes || latencies.isEmpty() ? "ms" : latencies.get(0).unit();
        List<Curve> curves = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (LatencyHistogram latency : latencies) {
            if (curves.size() + left.size() == MAX_CURVES) {
                left.add((latencies.size() - MAX_CURVES) + " more histograms: a chart draws at most " + MAX_CURVES
                        + "; they are in result.json");
                break;
            }
            double divisor;
            if (allTimes) {
                divisor = PER_MILLISECOND.get(unitKey(latency.unit()));
            } else if (latency.unit().equals(unit)) {
                divisor = 1;
            } else {
                left.add(latency.name() + ": in " + latency.unit() + ", not drawn beside values in " + unit);
                continue;
            }
            Histogram histogram;
            try {
                histogram = latency.histogram();
            } catch (IllegalArgumentException e) {
                left.add(latency.name() + ": the stored histogram cannot be decoded (" + e.getMessage() + ")");
                continue;
            }
            if (histogram.getTotalCount() == 0) {
                left.add(latency.name() + ": 0 values recorded");
                continue;
            }
            curves.add(curve(latency.name(), histogram, divisor));
        }
        return new PercentileCurves(unit, curves, left);
    }

    /** The largest value drawn over all curves (the top of the y axis before rounding). */
    double highestValue() {
        return curves.stream().flatMap(c -> c.points().stream()).mapToDouble(Point::value).max().orElse(0);
    }

    /** The x of a percentile (0 to below 100) on the chart's axis. */
    static double xOf(double percentile) {
        return Math.log10(100.0 / (100.0 - percentile));
    }

    private static Curve curve(String name, Histogram histogram, double divisor) {
        int steps = (int) (MAX_X * POINTS_PER_DECADE);
        double[] percentiles = new double[steps + 1 + KEY_PERCENTILES.size()];
        for (int step = 0; step <= steps; step++) {
            double x = (double) step / POINTS_PER_DECADE;
            // 100 - 100 / 10^x rather than 100 * (1 - 10^-x): exact at the whole decades (p90, p99, ...).
            percentiles[step] = 100.0 - 100.0 / Math.pow(10, x);
        }
        for (int k = 0; k < KEY_PERCENTILES.size(); k++) {
            percentiles[steps + 1 + k] = KEY_PERCENTILES.get(k);
        }
        long[] values = valuesAtPercentiles(histogram, percentiles);
        List<Point> points = new ArrayList<>();
        for (int step = 0; step <= steps; step++) {
            points.add(new Point((double) step / POINTS_PER_DECADE, percentiles[step], values[step] / divisor));
        }
        List<Double> keyValues = new ArrayList<>();
        for (int k = 0; k < KEY_PERCENTILES.size(); k++) {
            keyValues.add(values[steps + 1 + k] / divisor);
        }
        return new Curve(name, histogram.getTotalCount(), points, histogram.getMinValue() / divisor, keyValues,
                histogram.getMaxValue() / divisor);
    }

    /**
     * {@link AbstractHistogram#getValueAtPercentile} for each percentile, in one pass over the buckets instead of
     * one pass per percentile (86 per curve): the same count rank, rounded the same way, and the same bucket edge.
     */
    static long[] valuesAtPercentiles(AbstractHistogram histogram, double[] percentiles) {
        Integer[] order = new Integer[percentiles.length];
        long[] ranks = new long[percentiles.length];
        for (int i = 0; i < percentiles.length; i++) {
            order[i] = i;
            double requested = Math.min(Math.max(Math.nextAfter(percentiles[i], Double.NEGATIVE_INFINITY), 0), 100);
            ranks[i] = Math.max((long) Math.ceil(requested * histogram.getTotalCount() / 100.0), 1);
        }
        Arrays.sort(order, Comparator.comparingLong(i -> ranks[i]));
        long[] values = new long[percentiles.length];
        int next = 0;
        for (HistogramIterationValue bucket : histogram.recordedValues()) {
            while (next < order.length && bucket.getTotalCountToThisValue() >= ranks[order[next]]) {
                int i = order[next++];
                values[i] = percentiles[i] == 0.0 ? histogram.lowestEquivalentValue(bucket.getValueIteratedTo())
                        : bucket.getValueIteratedTo();
            }
        }
        return values;
    }

    private static String unitKey(String unit) {
        return unit.trim().toLowerCase(Locale.ROOT);
    }
}
