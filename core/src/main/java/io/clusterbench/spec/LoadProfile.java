package io.clusterbench.spec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a load probe's level changes while it runs: one after another, each {@link Level} holds the probe's load
 * knob ({@code rate}, {@code concurrency}) at a value for a while. A spec's {@code steps} are its levels as
 * written; a {@code ramp} becomes a staircase of equal levels from {@code from} to {@code to}
 * ({@link #ramp}). Every level is measured and reported on its own ({@code step1.p99_ms}, ...). A continuous ramp
 * ({@link #continuousRamp}) is no staircase: the rate rises linearly with time, and arrivals are placed on the
 * integrated rate ({@link #secondsAtArrivals}).
 *
 * @param knob the parameter each level sets, such as {@code rate}
 * @param levels the levels, in order; at least one. A continuous ramp's are its two ends: {@code from} held for
 *     {@code over}, then {@code to} for no time
 * @param ramped whether the levels are a ramp's stairs rather than steps as written
 * @param continuous whether the rate rises linearly from the first level's value to the last's, rather than in steps
 */
public record LoadProfile(String knob, List<Level> levels, boolean ramped, boolean continuous) {

    /** Most levels a profile may have, so that its per-level metrics stay readable. */
    public static final int MAX_LEVELS = 50;

    /**
     * One level.
     *
     * @param value the knob's value, such as 50 (req/s)
     * @param length how long it holds
     */
    public record Level(double value, Duration length) {
        public Level {
            Objects.requireNonNull(length, "length");
        }
    }

    public LoadProfile {
        Objects.requireNonNull(knob, "knob");
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a profile needs at least one level");
        }
        if (continuous && levels.size() != 2) {
            throw new IllegalArgumentException("a continuous ramp has two ends, got " + levels.size() + " levels");
        }
    }

    /** Steps as written, or a ramp's stairs. */
    public LoadProfile(String knob, List<Level> levels, boolean ramped) {
        this(knob, levels, ramped, false);
    }

    /** A rate rising (or falling) linearly from {@code from} at the start to {@code to} after {@code over}. */
    public static LoadProfile continuousRamp(String knob, double from, double to, Duration over) {
        return new LoadProfile(knob, List.of(new Level(from, over), new Level(to, Duration.ZERO)), true, true);
    }

    /**
     * A continuous ramp's arrivals in all: the integral of its rate over its length, {@code (from + to) / 2 x over},
     * rounded (at least one).
     */
    public long continuousArrivals() {
        double seconds = length().toNanos() / 1e9;
        return Math.max(1, Math.round((levels.get(0).value() + levels.get(1).value()) / 2 * seconds));
    }

    /**
     * A continuous ramp's integrated rate after {@code seconds}: the arrivals due by then,
     * {@code from x t + (to - from) x t^2 / (2 x over)} within the ramp, and at {@code to} per second past its end.
     */
    public double arrivalsBy(double seconds) {
        double from = levels.get(0).value();
        double to = levels.get(1).value();
        double over = length().toNanos() / 1e9;
        double within = Math.min(Math.max(0, seconds), over);
        return from * within + (to - from) * within * within / (2 * over) + to * Math.max(0, seconds - over);
    }

    /**
     * When a continuous ramp's integrated rate reaches {@code arrivals}: the seconds {@code t} from its start with
     * {@code from x t + (to - from) x t^2 / (2 x over) = arrivals}. Placing arrival k at {@code k} arrivals (evenly
     * spaced, or at a unit-rate Poisson process's points) gives a schedule whose rate at time t is the ramp's.
     */
    public double secondsAtArrivals(double arrivals) {
        double from = levels.get(0).value();
        double over = length().toNanos() / 1e9;
        double half = (levels.get(1).value() - from) / (2 * over);
        if (Math.abs(half) < 1e-12) {
            return arrivals / from;
        }
        // The root of half x t^2 + from x t - arrivals = 0 that starts at 0; from^2 + 4 x half x arrivals stays >= 0
        // within the ramp (it is to^2 at its end).
        return (-from + Math.sqrt(Math.max(0, from * from + 4 * half * arrivals))) / (2 * half);
    }

    /**
     * A linear ramp from {@code from} to {@code to} over {@code over}, as {@code stairs} equal levels: level
     * {@code i} (from 0) holds {@code from + (to - from) x i / (stairs - 1)}, rounded when {@code whole}, for
     * {@code over / stairs}.
     */
    public static LoadProfile ramp(String knob, double from, double to, Duration over, int stairs, boolean whole) {
        Duration each = over.dividedBy(stairs);
        List<Level> levels = new java.util.ArrayList<>();
        for (int i = 0; i < stairs; i++) {
            double value = stairs == 1 ? from : from + (to - from) * i / (stairs - 1);
            levels.add(new Level(whole ? Math.round(value) : value, each));
        }
        return new LoadProfile(knob, levels, true);
    }

    /** How long the whole profile runs. */
    public Duration length() {
        return levels.stream().map(Level::length).reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public String toString() {
        // Part of the workload's hash (Workloads): every level, so another profile is another experiment.
        StringBuilder text = new StringBuilder(continuous ? "continuous ramp " : ramped ? "ramp " : "steps ")
                .append(knob);
        levels.forEach(level -> text.append(' ').append(Range.format(level.value())).append('@')
                .append(level.length().toMillis()).append("ms"));
        return text.toString();
    }
}
