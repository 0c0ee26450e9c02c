package io.clusterbench.result;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How a load probe's load went over time, second by second and round by round, so that a stall in one second and a
 * steady slowdown no longer look the same. Bounded: at most {@link #MAX_POINTS} points over all rounds; a longer run
 * joins neighbouring points of the same phase (twice as long each time) and says so in {@link #note}.
 *
 * <p>Usage: {@code Timeline.of(rounds)} bounds any list of rounds; {@code Timeline.join(timelines)} puts the rounds
 * of several measurements (the rounds of a run, both conditions of {@code run}) into one, in run order.
 *
 * @param bucketS the length of a whole point, in seconds: 1, or a power of 2 where a long run was coarsened
 * @param note empty, or why points are longer than a second
 * @param rounds one entry per round, in run order
 */
public record Timeline(double bucketS, String note, List<TimelineRound> rounds) {

    /** The most points a timeline keeps over all its rounds: 10 minutes of seconds, some 150 KB of result.json. */
    public static final int MAX_POINTS = 600;

    public Timeline {
        Objects.requireNonNull(note, "note");
        rounds = List.copyOf(rounds);
        if (!(bucketS > 0) || Double.isInfinite(bucketS)) {
            throw new IllegalArgumentException("a timeline's bucketS must be finite and more than 0, got " + bucketS);
        }
    }

    /** A timeline of whole seconds over these rounds, coarsened as far as {@link #MAX_POINTS} requires. */
    public static Timeline of(List<TimelineRound> rounds) {
        return new Timeline(1, "", rounds).bounded();
    }

    /** The rounds of all these timelines in one, ordered by round index, bounded again. */
    public static Timeline join(List<Timeline> timelines) {
        List<TimelineRound> rounds = new ArrayList<>();
        double bucket = 1;
        for (Timeline timeline : timelines) {
            rounds.addAll(timeline.rounds());
            bucket = Math.max(bucket, timeline.bucketS());
        }
        rounds.sort(Comparator.comparingInt(TimelineRound::index));
        return new Timeline(bucket, bucket > 1 ? coarsenedNote(bucket) : "", rounds).bounded();
    }

    /** The rounds of one condition ({@code A}, {@code B}, or empty). */
    public List<TimelineRound> rounds(String condition) {
        return rounds.stream().filter(r -> r.condition().equals(condition)).toList();
    }

    /** How many points all rounds hold together. */
    public int pointCount() {
        return rounds.stream().mapToInt(r -> r.points().size()).sum();
    }

    /** The same timeline with every round's points joined in pairs until at most {@link #MAX_POINTS} remain. */
    Timeline bounded() {
        Timeline bounded = this;
        while (bounded.pointCount() > MAX_POINTS) {
            double coarser = bounded.bucketS() * 2;
            Timeline halved = new Timeline(coarser, coarsenedNote(coarser),
                    bounded.rounds().stream().map(Timeline::halved).toList());
            if (halved.pointCount() == bounded.pointCount()) {
                // One point per phase and round is as coarse as it gets; the round count bounds it then.
                return bounded;
            }
            bounded = halved;
        }
        return bounded;
    }

    private static String coarsenedNote(double bucket) {
        return "coarsened to " + Numbers.format(bucket) + " s per point to keep at most " + MAX_POINTS + " points;"
                + " p50 and p99 of a joined point are the largest of its parts' (an upper bound)";
    }

    /** A round with each pair of neighbouring points of one phase joined; a phase's odd last point stays alone. */
    private static TimelineRound halved(TimelineRound round) {
        List<TimelinePoint> joined = new ArrayList<>();
        List<TimelinePoint> points = round.points();
        for (int i = 0; i < points.size(); i++) {
            TimelinePoint point = points.get(i);
            if (i + 1 < points.size() && points.get(i + 1).warmup() == point.warmup()) {
                joined.add(point.joinedWith(points.get(i + 1)));
                i++;
            } else {
                joined.add(point);
            }
        }
        return new TimelineRound(round.index(), round.condition(), round.startedAt(), joined);
    }
}
