package io.clusterbench.result;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A value axis with "nice" ticks: steps of 1, 2 or 5 times a power of ten, about five of them over the data, with
 * labels that tell neighbouring ticks apart ({@link Numbers#tick}). Every chart of the reports, the trend page and
 * the run timeline takes its y axis from here, so that no chart labels every tick "200" or draws a quantity that
 * cannot be negative below zero.
 *
 * <p>Usage: {@code AxisScale y = AxisScale.of(values, AxisScale.Floor.forUnit(unit, values));} then place a value
 * with {@link #fraction(double)} and print {@link #labels()}.
 *
 * @param low the bottom of the axis, a tick
 * @param high the top of the axis, a tick, above {@code low}
 * @param step the distance between ticks
 * @param ticks the ticks from {@code low} to {@code high}, ascending
 */
public record AxisScale(double low, double high, double step, List<Double> ticks) {

    /** About this many intervals between ticks; the step is the nice one at or above range / this. */
    static final int TARGET_INTERVALS = 5;
    private static final double[] NICE = {1, 2, 5, 10};

    public AxisScale {
        ticks = List.copyOf(ticks);
        if (!(high > low) || !(step > 0) || ticks.size() < 2) {
            throw new IllegalArgumentException("an axis needs high > low, step > 0 and two ticks, got " + low + ".."
                    + high + " by " + step);
        }
    }

    /** Where an axis may start. */
    public enum Floor {
        /** At zero (or below, for negative data): throughput, counts, scores, latencies from zero. */
        ZERO,
        /** Wherever the data start, but never below zero: a quantity that cannot be negative. */
        NON_NEGATIVE,
        /** Wherever the data go: a value that can be negative, such as a change. */
        ANY;

        /**
         * The floor for a metric with this unit and these values: {@link #ANY} when a value is negative, {@link #ZERO}
         * for throughput ({@code .../s}) and counts, else {@link #NON_NEGATIVE}.
         */
        public static Floor forUnit(String unit, List<Double> values) {
            if (values.stream().anyMatch(v -> v != null && v < 0)) {
                return ANY;
            }
            String u = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
            return u.endsWith("/s") || u.equals("count") || u.equals("requests") || u.equals("errors") ? ZERO
                    : NON_NEGATIVE;
        }
    }

    /** The axis over the non-null, finite values; {@code 0..1} when there are none. */
    public static AxisScale of(List<Double> values, Floor floor) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Double value : values) {
            if (value != null && Double.isFinite(value)) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (min > max) {
            return between(0, 1, Floor.ZERO);
        }
        return between(min, max, floor);
    }

    /** The axis over the data range {@code min..max}. */
    public static AxisScale between(double min, double max, Floor floor) {
        Objects.requireNonNull(floor, "floor");
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("not a data range: " + min + ".." + max);
        }
        boolean nonNegative = floor != Floor.ANY && min >= 0;
        double low = floor == Floor.ZERO ? Math.min(0, min) : min;
        double high = floor == Floor.ZERO ? Math.max(0, max) : max;
        if (low == high) {
            // A flat line: an always-0 quantity gets 0..1, never -1..1; any other value 10% room around itself.
            double room = low == 0 ? 1 : Math.abs(low) * 0.1;
            high = low + room;
            low = nonNegative ? Math.max(0, low - room) : low - room;
        }
        BigDecimal step = niceStep((high - low) / TARGET_INTERVALS);
        double stepValue = step.doubleValue();
        long first = (long) Math.floor(low / stepValue + 1e-9);
        long last = (long) Math.ceil(high / stepValue - 1e-9);
        if (nonNegative && first < 0) {
            first = 0;
        }
        if (last <= first) {
            last = first + 1;
        }
        List<Double> ticks = new ArrayList<>();
        for (long k = first; k <= last; k++) {
            // Ticks from decimal arithmetic: 0.1 * 3 is 0.3 here, not 0.30000000000000004.
            double tick = step.multiply(BigDecimal.valueOf(k)).doubleValue();
            ticks.add(tick == 0 ? 0.0 : tick);
        }
        return new AxisScale(ticks.get(0), ticks.get(ticks.size() - 1), stepValue, ticks);
    }

    /** An axis with the given ends and step, for fixed scales such as the score's 0 to 100. */
    public static AxisScale fixed(double low, double high, double step) {
        List<Double> ticks = new ArrayList<>();
        BigDecimal s = new BigDecimal(step);
        long count = Math.round((high - low) / step);
        for (long k = 0; k <= count; k++) {
            ticks.add(new BigDecimal(low).add(s.multiply(BigDecimal.valueOf(k))).doubleValue());
        }
        return new AxisScale(low, high, step, ticks);
    }

    /** The smallest 1, 2 or 5 times a power of ten that is at least {@code raw}, exact as a decimal. */
    static BigDecimal niceStep(double raw) {
        int exponent = (int) Math.floor(Math.log10(raw));
        for (double factor : NICE) {
            BigDecimal step = BigDecimal.valueOf(factor).scaleByPowerOfTen(exponent);
            if (step.doubleValue() >= raw * (1 - 1e-9)) {
                return step.stripTrailingZeros();
            }
        }
        return BigDecimal.TEN.scaleByPowerOfTen(exponent);
    }

    /** Where {@code value} sits on the axis: 0 at {@link #low}, 1 at {@link #high}. */
    public double fraction(double value) {
        return (value - low) / (high - low);
    }

    /** Each tick's label, distinct from its neighbours', by {@link Numbers#tick}. */
    public List<String> labels() {
        return ticks.stream().map(t -> Numbers.tick(t, step)).toList();
    }
}
