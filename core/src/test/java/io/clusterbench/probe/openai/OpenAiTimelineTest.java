package io.clusterbench.probe.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.probe.openai.OpenAiFixture.Script;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.Timeline;
import io.clusterbench.result.TimelinePoint;
import io.clusterbench.result.TimelineRound;
import io.clusterbench.testkit.StoredResults;
import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/** The openai probe's per-second timeline, as stored in result.json, against {@link OpenAiFixture}. */
class OpenAiTimelineTest extends OpenAiProbeRuns {

    @Test
    void countsEveryRequestOfEachPhaseInExactlyOnePointOfTheStoredTimeline() throws Exception {
        // Every fifth request (warm-up ones included) fails with a 500; the others take 20 ms to their first token.
        fixture.scripts(i -> i % 5 == 4 ? Script.error(500, "{\"error\":{\"message\":\"planted\"}}")
                : Script.tokens(4, 20, 5));

        ProbeMeasurement measured = run("requests: 40, requestRate: 20, seed: 3, warmupRequests: 3,"
                + " promptTokens: 4, maxTokens: 4");
        Timeline timeline = StoredResults.roundTrip(measured, folder).timeline();

        assertThat(timeline.rounds()).hasSize(1);
        TimelineRound round = timeline.rounds().get(0);
        List<TimelinePoint> warmup = round.points().stream().filter(TimelinePoint::warmup).toList();
        List<TimelinePoint> load = round.points().stream().filter(p -> !p.warmup()).toList();
        assertThat(sum(warmup, TimelinePoint::offered)).isEqualTo((long) metric(measured, "warmup.requests"));
        assertThat(sum(warmup, TimelinePoint::errors)).isEqualTo((long) metric(measured, "warmup.errors"));
        // 40 requests at 20/s last about two seconds: more than one point, each after the warm-up.
        assertThat(load).as("%s", round.points()).hasSizeGreaterThan(1)
                .allSatisfy(p -> assertThat(p.atS()).isGreaterThanOrEqualTo(round.warmupS() - 1e-9));
        assertThat(sum(load, TimelinePoint::offered)).isEqualTo(40);
        assertThat(sum(load, TimelinePoint::achieved)).isEqualTo((long) metric(measured, "completed"));
        assertThat(sum(load, TimelinePoint::errors)).isEqualTo((long) metric(measured, "failed")).isPositive();
        assertThat(load).filteredOn(p -> p.achieved() > 0)
                .allSatisfy(p -> assertThat(p.p50Ms()).as("end-to-end, 20 ms to the first token").isNotNull()
                        .isGreaterThanOrEqualTo(20.0));
    }

    private static long sum(List<TimelinePoint> points, ToLongFunction<TimelinePoint> count) {
        return points.stream().mapToLong(count).sum();
    }
}
