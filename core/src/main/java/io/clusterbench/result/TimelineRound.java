package io.clusterbench.result;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The timeline of one round of a load probe: its points in time order, warm-up first.
 *
 * @param index the round's place in the run, from 1, as {@link ProbeRound#index}
 * @param condition {@code A} (before tuning), {@code B} (tuned), or empty in a plain benchmark
 * @param startedAt when the round's load started (warm-up included); every point's {@code atS} counts from here
 * @param points the points in time order
 */
public record TimelineRound(int index, String condition, Instant startedAt, List<TimelinePoint> points) {

    public TimelineRound {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(startedAt, "startedAt");
        points = List.copyOf(points);
    }

    /** The same points as round {@code newIndex} of condition {@code newCondition}. */
    public TimelineRound as(int newIndex, String newCondition) {
        return new TimelineRound(newIndex, newCondition, startedAt, points);
    }

    /** How long the round's load ran, in seconds: the end of its last point. */
    public double lengthS() {
        return points.stream().mapToDouble(TimelinePoint::endS).max().orElse(0);
    }

    /** The seconds of warm-up at the round's start: the end of its last warm-up point. */
    public double warmupS() {
        return points.stream().filter(TimelinePoint::warmup).mapToDouble(TimelinePoint::endS).max().orElse(0);
    }
}
