package io.clusterbench.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.Timeline;
import io.clusterbench.result.TimelinePoint;
import io.clusterbench.result.TimelineRound;
import io.clusterbench.testkit.RealServers;
import io.clusterbench.testkit.StoredResults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The http probe's per-second timeline shows a planted stall at the second it happened, as stored in result.json. */
@ExtendWith(RealServers.class)
class HttpTimelineTest {

    @Test
    void aOneSecondStallShowsInTheStoredTimelineAtItsSecond(@TempDir Path dir) throws Exception {
        // At 100 requests/s, after a second of warm-up, request 326 is due 3.25 s into the load: from then every
        // answer waits until 4.25 s.
        try (SlowUpstream upstream = SlowUpstream.start("a", Duration.ZERO).stallOnceAfter(326, Duration.ofSeconds(1));
                LocalNginxBalancer nginx = LocalNginxBalancer.start(dir, List.of(upstream.address()))) {
            ProbeMeasurement measured = new ProbeRun(nginx.url() + "/", "warmup: 1s, rate: 100, duration: 5s").run();
            Timeline timeline = StoredResults.roundTrip(measured, dir).timeline();

            assertThat(upstream.stallEnded()).isTrue();
            assertThat(measured.status()).isEqualTo(ProbeStatus.OK);
            assertThat(timeline.bucketS()).isEqualTo(1);
            assertThat(timeline.rounds()).singleElement().satisfies(round -> {
                assertThat(round.index()).isEqualTo(1);
                assertThat(round.condition()).isEmpty();
                assertThat(round.warmupS()).isBetween(0.9, 1.2);
            });
            TimelineRound round = timeline.rounds().get(0);
            // The open model keeps offering 100/s through the stall (a sender thread started per request, some
            // late); what the service achieves drops.
            assertThat(at(round, 3.5).offeredPerS()).as("%s", round.points()).isGreaterThan(70);
            assertThat(at(round, 3.5).achievedPerS()).as("%s", round.points()).isLessThan(50);
            // Every request due during the stall is answered at 4.25 s, up to a second late: second 4's p99.
            assertThat(at(round, 4.5).p99Ms()).as("%s", round.points()).isGreaterThanOrEqualTo(700);
            assertThat(round.points().stream().filter(p -> p.p99Ms() != null)
                    .max(Comparator.comparingDouble(TimelinePoint::p99Ms)).orElseThrow())
                    .isEqualTo(at(round, 4.5));
            for (double quiet : new double[] {1.5, 2.5, 5.5}) {
                assertThat(at(round, quiet).achievedPerS()).as("achieved at %s s", quiet).isGreaterThan(70);
            }
            assertThat(at(round, 2.5).p99Ms()).as("%s", round.points()).isLessThan(500);
            assertThat(at(round, 5.5).p99Ms()).as("%s", round.points()).isLessThan(500);
        }
    }

    @Test
    void theWarmUpIsMarkedAndCountsInNoMeasuredPoint(LocalNginxBalancer balancer) throws Exception {
        ProbeMeasurement measured = new ProbeRun(balancer.url() + "/", "warmup: 1s, concurrency: 2, duration: 2s")
                .run();

        TimelineRound round = measured.timeline().rounds().get(0);
        long warmupRequests = round.points().stream().filter(TimelinePoint::warmup)
                .mapToLong(TimelinePoint::offered).sum();
        long measuredRequests = round.points().stream().filter(p -> !p.warmup())
                .mapToLong(TimelinePoint::offered).sum();
        assertThat(round.warmupS()).isBetween(0.9, 1.3);
        assertThat(warmupRequests).isEqualTo((long) ProbeRun.value(measured, "warmup.requests"));
        assertThat(measuredRequests).isEqualTo((long) ProbeRun.value(measured, "requests"));
        assertThat(round.points().stream().filter(p -> !p.warmup()).mapToDouble(TimelinePoint::atS).min()
                .orElseThrow()).as("%s", round.points()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void withoutWarmUpEverySecondIsMeasuredFromTheStart(LocalNginxBalancer balancer) throws Exception {
        ProbeMeasurement measured = ProbeRun.cold(balancer.url() + "/", "concurrency: 2, duration: 2s").run();

        TimelineRound round = measured.timeline().rounds().get(0);
        assertThat(round.warmupS()).isZero();
        assertThat(round.points()).noneMatch(TimelinePoint::warmup);
        assertThat(round.points().get(0).atS()).isZero();
        assertThat(round.points().get(0).lengthS()).isBetween(0.9, 1.2);
        assertThat(round.points().stream().mapToLong(TimelinePoint::offered).sum())
                .isEqualTo((long) ProbeRun.value(measured, "requests"));
        assertThat(round.points().stream().mapToLong(TimelinePoint::achieved).sum())
                .isEqualTo((long) ProbeRun.value(measured, "responses"));
    }

    /** The measured point that holds second {@code s} of the round. */
    private static TimelinePoint at(TimelineRound round, double s) {
        return round.points().stream().filter(p -> !p.warmup() && p.atS() <= s && s < p.endS()).findFirst()
                .orElseThrow(() -> new AssertionError("no point at " + s + " s in " + round.points()));
    }
}
