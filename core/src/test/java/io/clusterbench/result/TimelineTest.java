package io.clusterbench.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A timeline stays bounded, keeps its counts and its spikes when coarsened, and keeps rounds in run order. */
class TimelineTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** {@code seconds} whole seconds of 100 answers each, p99 5 ms, but 900 ms at {@code spikeAt}. */
    static TimelineRound steady(int index, String condition, int warmupSeconds, int seconds, int spikeAt) {
        List<TimelinePoint> points = new ArrayList<>();
        for (int s = 0; s < warmupSeconds + seconds; s++) {
            points.add(new TimelinePoint(s, 1, s < warmupSeconds, 100, 100, 0, 1.0, s == spikeAt ? 900.0 : 5.0));
        }
        return new TimelineRound(index, condition, T0.plusSeconds(100L * index), points);
    }

    @Test
    void aLongRunIsCoarsenedToAtMostTheBoundAndSaysSo() {
        Timeline timeline = Timeline.of(List.of(steady(1, "", 2, 2000, 1234)));

        assertThat(timeline.pointCount()).isLessThanOrEqualTo(Timeline.MAX_POINTS);
        assertThat(timeline.bucketS()).isEqualTo(4);
        assertThat(timeline.note()).contains("coarsened to 4 s per point", "600");
        List<TimelinePoint> points = timeline.rounds().get(0).points();
        assertThat(points.stream().mapToLong(TimelinePoint::achieved).sum()).isEqualTo(200_200);
        // The warm-up's two seconds join each other, never a measured second.
        assertThat(points.get(0).warmup()).isTrue();
        assertThat(points.get(0).lengthS()).isEqualTo(2);
        assertThat(points.get(1).warmup()).isFalse();
        TimelinePoint spike = points.stream().filter(p -> p.p99Ms() == 900.0).findFirst().orElseThrow();
        assertThat(spike.atS()).isLessThanOrEqualTo(1234).isGreaterThan(1234 - 4);
        assertThat(spike.endS()).isGreaterThan(1234);
        assertThat(spike.achievedPerS()).isEqualTo(100);
    }

    @Test
    void aShortRunKeepsItsSeconds() {
        Timeline timeline = Timeline.of(List.of(steady(1, "", 1, 10, 5)));

        assertThat(timeline.bucketS()).isEqualTo(1);
        assertThat(timeline.note()).isEmpty();
        assertThat(timeline.pointCount()).isEqualTo(11);
        assertThat(timeline.rounds().get(0).warmupS()).isEqualTo(1);
    }

    @Test
    void joiningPutsRoundsInRunOrderAndBoundsTheWhole() {
        Timeline a = Timeline.of(List.of(steady(1, "A", 1, 200, -1), steady(4, "A", 1, 200, -1)));
        Timeline b = Timeline.of(List.of(steady(2, "B", 1, 200, -1), steady(3, "B", 1, 200, 50)));

        Timeline joined = Timeline.join(List.of(a, b));

        assertThat(joined.rounds()).extracting(TimelineRound::index).containsExactly(1, 2, 3, 4);
        assertThat(joined.rounds()).extracting(TimelineRound::condition).containsExactly("A", "B", "B", "A");
        assertThat(joined.rounds("B")).hasSize(2);
        assertThat(joined.pointCount()).isLessThanOrEqualTo(Timeline.MAX_POINTS);
        assertThat(joined.bucketS()).isEqualTo(2);
        assertThat(joined.rounds().get(2).points()).anyMatch(p -> p.p99Ms() == 900.0);
    }

    @Test
    void joiningPointsTakesTheLargerPercentilesAndAddsCounts() {
        TimelinePoint first = new TimelinePoint(0, 1, false, 10, 8, 2, 3.0, 40.0);
        TimelinePoint stalled = new TimelinePoint(1, 1, false, 10, 0, 0, null, null);

        TimelinePoint joined = first.joinedWith(stalled);

        assertThat(joined).isEqualTo(new TimelinePoint(0, 2, false, 20, 8, 2, 3.0, 40.0));
        assertThat(joined.achievedPerS()).isEqualTo(4);
    }

    @Test
    void refusesNegativeCountsAndEmptyTime() {
        assertThatThrownBy(() -> new TimelinePoint(0, 0, false, 1, 1, 0, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lengthS > 0");
        assertThatThrownBy(() -> new TimelinePoint(0, 1, false, -1, 1, 0, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }
}
