package io.clusterbench.spec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a load probe's level changes while it runs: one after another, each {@link Level} holds the probe's load
 * knob ({@code rate}, {@code concurrency}) at a value for a while. A spec's {@code steps} are its levels as
 * written; a {@code ramp} becomes a staircase of equal levels from {@code from} to {@code to}
 * ({@link #ramp}). Every level is measured and reported on its own ({@code step1.p99_ms}, ...).
 *
 * @param knob the parameter each level sets, such as {@code rate}
 * @param levels the levels, in order; at least one
 * @param ramped whether the levels are a ramp's stairs rather than steps as written
 */
public record LoadProfile(String knob, List<Level> levels, boolean ramped) {

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
        StringBuilder text = new StringBuilder(ramped ? "ramp " : "steps ").append(knob);
        levels.forEach(level -> text.append(' ').append(Range.format(level.value())).append('@')
                .append(level.length().toMillis()).append("ms"));
        return text.toString();
    }
}
