package io.clusterbench.probe.redis;

import static io.clusterbench.probe.redis.RedisProbeRuns.metric;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalRedis;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.testkit.RealServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ClientPauseMode;

/** The redis probe's open model (a rate) and its load profiles, against a real redis-server. */
@ExtendWith(RealServers.class)
class RedisOpenLoadTest {

    @Test
    void sendsExactlyRateTimesDurationAndCountsAStallAgainstEveryCommandMeantToBeSentDuringIt(LocalRedis redis)
            throws Exception {
        RedisProbeRuns runs = RedisProbeRuns.cold(redis.port(), "rate: 200, clients: 2, duration: 2s");

        // A pause of 300 ms holds every command meant to be sent in it: the open model measures each from its
        // intended time, so about 200 x 0.2 = 40 of them wait over 100 ms; a closed model would record 2 (one a
        // client), which is the coordinated omission the open model corrects.
        ProbeMeasurement m = runs.runAndActAfter(100, busy -> {
            try (Jedis jedis = RedisProbeRuns.jedis(redis)) {
                jedis.clientPause(300, ClientPauseMode.ALL);
            }
        });

        assertThat(m.status()).isEqualTo(ProbeStatus.OK);
        assertThat(metric(m, "ops")).as("the timetable holds rate x duration sends").isEqualTo(400);
        assertThat(metric(m, "errors")).isZero();
        assertThat(metric(m, "sent_per_s")).isBetween(170.0, 201.0);
        assertThat(RedisProbeRuns.latency(m, "all").histogram().getCountBetweenValues(100_000, Long.MAX_VALUE))
                .isGreaterThanOrEqualTo(30);
        assertThat(metric(m, "p99_ms")).isGreaterThan(100);
        assertThat(metric(m, "late_ops")).isGreaterThanOrEqualTo(30);
        // The pause held connections that were busy: the server's doing, not the generator's.
        assertThat(metric(m, "generator_late")).isLessThan(metric(m, "late_ops") / 2);
        // What the two connections could carry, by Little's law from the service time they measured.
        assertThat(metric(m, "clients")).isEqualTo(2);
        assertThat(metric(m, "pipeline")).isEqualTo(1);
        assertThat(metric(m, "clients_max_per_s")).isCloseTo(2 * 1 * 1000 / metric(m, "service.mean_ms"),
                org.assertj.core.api.Assertions.within(1.0));
        assertThat(metric(m, "service.p50_ms")).isPositive().isLessThan(metric(m, "p99_ms"));
    }

    @Test
    void failsCommandsThatCouldNotBeSentWithinTheTimeoutOfTheirIntendedTimeWithoutSendingThem(LocalRedis redis)
            throws Exception {
        RedisProbeRuns runs = RedisProbeRuns.cold(redis.port(), "rate: 100, clients: 1, duration: 1s, commands: [set]");

        // Writes pause for 2.5 s: the one connection waits 2 s for its SET, is closed as a timeout and reopened, and
        // by then the commands meant for the first moments of the pause are over 2 s old.
        ProbeMeasurement m = runs.runAndActAfter(20, busy -> {
            try (Jedis jedis = RedisProbeRuns.jedis(redis)) {
                jedis.clientPause(2500, ClientPauseMode.WRITE);
            }
        });

        assertThat(metric(m, "ops") + metric(m, "errors")).as("every command of the timetable, sent or not")
                .isEqualTo(100);
        assertThat(m.errors()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(e.message()).contains("could not send to redis service 'cache'")
                    .contains("within 2000 ms of the intended time").contains("lower the rate or add clients");
        });
    }

    @Test
    void stepsOfRateSendEachLevelsCommandsAndReportEachStep(LocalRedis redis) throws Exception {
        ProbeMeasurement m = RedisProbeRuns.cold(redis.port(),
                "clients: 2, profile: { steps: [{ rate: 100, for: 1s }, { rate: 300, for: 1s }] }").run();

        assertThat(m.status()).isEqualTo(ProbeStatus.OK);
        assertThat(metric(m, "step1.rate")).isEqualTo(100);
        assertThat(metric(m, "step1.ops")).isEqualTo(100);
        assertThat(metric(m, "step2.rate")).isEqualTo(300);
        assertThat(metric(m, "step2.ops")).isEqualTo(300);
        assertThat(metric(m, "ops")).as("the whole load").isEqualTo(400);
        assertThat(metric(m, "step2.sent_per_s")).isBetween(250.0, 301.0);
        assertThat(metric(m, "step1.p99_ms")).isPositive();
        assertThat(metric(m, "step1.s")).isBetween(0.98, 1.5);
    }

    @Test
    void aRampOfClientsRunsEachStairWithItsClients(LocalRedis redis) throws Exception {
        ProbeMeasurement m = RedisProbeRuns.cold(redis.port(),
                "profile: { ramp: { of: clients, from: 1, to: 4, over: 1s, stairs: 2 } }").run();

        assertThat(m.status()).isEqualTo(ProbeStatus.OK);
        assertThat(metric(m, "step1.clients")).isEqualTo(1);
        assertThat(metric(m, "step2.clients")).isEqualTo(4);
        assertThat(metric(m, "step1.ops")).isPositive();
        assertThat(metric(m, "step2.ops")).isPositive();
        assertThat(metric(m, "ops")).isEqualTo(metric(m, "step1.ops") + metric(m, "step2.ops"));
        assertThat(RedisProbeRuns.find(m, "sent_per_s")).as("a closed load sends no rate").isEmpty();
    }
}
