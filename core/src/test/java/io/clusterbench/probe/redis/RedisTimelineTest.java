package io.clusterbench.probe.redis;

import static io.clusterbench.probe.redis.RedisProbeRuns.metric;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalRedis;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.Timeline;
import io.clusterbench.result.TimelinePoint;
import io.clusterbench.result.TimelineRound;
import io.clusterbench.testkit.RealServers;
import io.clusterbench.testkit.StoredResults;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ClientPauseMode;

/** The redis probe's per-second timeline, as stored in result.json, against a real redis-server. */
@ExtendWith(RealServers.class)
class RedisTimelineTest {

    @Test
    void aOneSecondServerPauseShowsInTheStoredTimelineAtItsSecond(LocalRedis redis, @TempDir Path dir)
            throws Exception {
        RedisProbeRuns runs = RedisProbeRuns.of(redis.port(), "clients: 10, duration: 5s, warmup: 1s");
        AtomicReference<Instant> pausedAt = new AtomicReference<>();

        // The first measured command wakes the planter, which waits two seconds so that the stall falls between
        // quiet measured seconds; the assertions use the instant the pause was actually sent, not the wait.
        ProbeMeasurement measured = runs.runAndActAfter(1, r -> {
            try (Jedis admin = RedisProbeRuns.jedis(redis)) {
                Thread.sleep(Duration.ofSeconds(2).toMillis());
                pausedAt.set(Instant.now());
                admin.clientPause(1000, ClientPauseMode.ALL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ProbeMeasurement stored = StoredResults.roundTrip(measured, dir);
        Timeline timeline = stored.timeline();

        assertThat(measured.status()).as("%s", measured.errors()).isEqualTo(ProbeStatus.OK);
        assertThat(pausedAt.get()).as("the pause was planted").isNotNull();
        assertThat(timeline.rounds()).hasSize(1);
        TimelineRound round = timeline.rounds().get(0);
        assertThat(round.warmupS()).as("%s", round.points()).isBetween(0.9, 1.3);
        double pauseS = Duration.between(round.startedAt(), pausedAt.get()).toNanos() / 1e9;
        assertThat(pauseS).as("the pause fell inside the measured load").isBetween(2.5, 4.5);
        List<TimelinePoint> whole = round.points().stream().filter(p -> !p.warmup() && p.lengthS() >= 0.5).toList();
        // A closed load waits the pause out: only its clients' last commands are slow, so the stall shows as the
        // second in which (almost) nothing was achieved, at the pause's second.
        TimelinePoint slowest = whole.stream().min(Comparator.comparingDouble(TimelinePoint::achievedPerS))
                .orElseThrow();
        assertThat(slowest.atS()).as("%s s: %s", pauseS, round.points()).isBetween(pauseS - 1.0, pauseS + 1.0);
        TimelinePoint inPause = at(round, pauseS + 0.5);
        double quiet = whole.stream().filter(p -> p.endS() < pauseS || p.atS() > pauseS + 1.05)
                .mapToDouble(TimelinePoint::achievedPerS).max().orElseThrow();
        assertThat(inPause.achievedPerS()).as("%s s: %s", pauseS, round.points()).isLessThan(0.6 * quiet);
        // The commands waiting when the pause began are answered when it ends, a second after they were sent.
        assertThat(round.points()).filteredOn(p -> !p.warmup()).allSatisfy(p -> assertThat(p.errors()).isZero());
        assertThat(round.points().stream().filter(p -> !p.warmup()).mapToLong(TimelinePoint::achieved).sum())
                .as("every measured command is in exactly one point").isEqualTo((long) metric(measured, "ops"));
        assertThat(round.points().stream().filter(TimelinePoint::warmup).mapToLong(TimelinePoint::achieved).sum())
                .isEqualTo((long) metric(measured, "warmup.ops"));
    }

    @Test
    void countsEveryCommandAndErrorOfACountBoundLoadInExactlyOnePoint(LocalRedis redis) throws Exception {
        ProbeMeasurement measured = RedisProbeRuns.cold(redis.port(), "clients: 3, requests: 3000, pipeline: 4,"
                + " commands: [get, set, hget]").run();

        TimelineRound round = measured.timeline().rounds().get(0);
        assertThat(round.warmupS()).isZero();
        assertThat(round.points()).isNotEmpty().noneMatch(TimelinePoint::warmup);
        assertThat(round.points().get(0).atS()).isZero();
        assertThat(round.points().stream().mapToLong(TimelinePoint::offered).sum()).isEqualTo(3000);
        assertThat(round.points().stream().mapToLong(TimelinePoint::achieved).sum())
                .isEqualTo((long) metric(measured, "ops"));
        assertThat(round.points().stream().mapToLong(TimelinePoint::errors).sum())
                .isEqualTo((long) metric(measured, "errors"));
        assertThat(round.points()).allSatisfy(p -> assertThat(p.p99Ms()).isNotNull().isPositive());
        RedisProbeRuns.assertValidResultJson(measured);
    }

    @Test
    void theOpenModelsOfferedRateIsTheTimetablesAndEveryCommandIsInExactlyOnePoint(LocalRedis redis)
            throws Exception {
        ProbeMeasurement measured = RedisProbeRuns.cold(redis.port(), "rate: 400, clients: 2, duration: 3s").run();

        TimelineRound round = measured.timeline().rounds().get(0);
        assertThat(measured.status()).as("%s", measured.errors()).isEqualTo(ProbeStatus.OK);
        assertThat(round.points().stream().mapToLong(TimelinePoint::offered).sum())
                .as("the timetable's rate x duration").isEqualTo(1200);
        assertThat(round.points().stream().mapToLong(TimelinePoint::achieved).sum())
                .isEqualTo((long) metric(measured, "ops"));
        // The sends are spread over the seconds at the rate, not bunched: each whole second offers about 400.
        List<TimelinePoint> whole = round.points().stream().filter(p -> p.lengthS() >= 0.5 && p.endS() < 2.9)
                .toList();
        assertThat(whole).as("%s", round.points()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.offeredPerS()).isBetween(300.0, 500.0));
    }

    @Test
    void aProfilesStepsMakeOneTimelineWithEveryLevelsCommands(LocalRedis redis) throws Exception {
        ProbeMeasurement measured = RedisProbeRuns.of(redis.port(), "warmup: 1s, clients: 2,"
                + " profile: { steps: [{ rate: 100, for: 2s }, { rate: 500, for: 2s }] }").run();

        assertThat(measured.timeline().rounds()).hasSize(1);
        TimelineRound round = measured.timeline().rounds().get(0);
        assertThat(measured.status()).as("%s", measured.errors()).isEqualTo(ProbeStatus.OK);
        assertThat(round.warmupS()).as("the warm-up only before the first step: %s", round.points())
                .isBetween(0.9, 1.3);
        List<TimelinePoint> steps = round.points().stream().filter(p -> !p.warmup()).toList();
        assertThat(steps.stream().mapToLong(TimelinePoint::offered).sum()).as("both steps' timetables")
                .isEqualTo(100 * 2 + 500 * 2);
        assertThat(steps.stream().mapToLong(TimelinePoint::achieved).sum()).isEqualTo((long) metric(measured, "ops"));
        assertThat(round.lengthS()).as("%s", round.points()).isGreaterThan(4.9);
        TimelinePoint first = steps.stream().filter(p -> p.lengthS() >= 0.5).findFirst().orElseThrow();
        TimelinePoint last = steps.stream().filter(p -> p.lengthS() >= 0.5).reduce((a, b) -> b).orElseThrow();
        assertThat(first.offeredPerS()).as("%s", round.points()).isBetween(70.0, 130.0);
        assertThat(last.offeredPerS()).as("%s", round.points()).isBetween(350.0, 650.0);
    }

    @Test
    void aRampOfClientsCountsEveryStairsCommandsInOneTimeline(LocalRedis redis) throws Exception {
        ProbeMeasurement measured = RedisProbeRuns.cold(redis.port(),
                "profile: { ramp: { of: clients, from: 1, to: 12, over: 2s, stairs: 2 } }").run();

        TimelineRound round = measured.timeline().rounds().get(0);
        assertThat(measured.status()).as("%s", measured.errors()).isEqualTo(ProbeStatus.OK);
        // The second stair drives 12 clients on two threads: more threads than the first stair's one.
        assertThat(round.points().stream().mapToLong(TimelinePoint::achieved).sum())
                .isEqualTo((long) metric(measured, "ops"));
        assertThat(round.points().stream().mapToLong(TimelinePoint::offered).sum())
                .isEqualTo((long) (metric(measured, "ops") + metric(measured, "errors")));
        assertThat(round.lengthS()).as("%s", round.points()).isGreaterThan(1.9);
    }

    /** The measured point that holds second {@code s} of the round. */
    private static TimelinePoint at(TimelineRound round, double s) {
        return round.points().stream().filter(p -> !p.warmup() && p.atS() <= s && s < p.endS()).findFirst()
                .orElseThrow(() -> new AssertionError("no point at " + s + " s in " + round.points()));
    }
}
