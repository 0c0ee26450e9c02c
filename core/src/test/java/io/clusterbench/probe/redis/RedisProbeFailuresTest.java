package io.clusterbench.probe.redis;

import static io.clusterbench.probe.redis.RedisProbeRuns.assertValidResultJson;
import static io.clusterbench.probe.redis.RedisProbeRuns.errorCount;
import static io.clusterbench.probe.redis.RedisProbeRuns.errorKinds;
import static io.clusterbench.probe.redis.RedisProbeRuns.metric;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.FreePorts;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ErrorTally;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.testkit.RealServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** How the redis probe fails: wrong passwords, no server, a server that dies mid-run, and a stop request. */
@ExtendWith(RealServers.class)
class RedisProbeFailuresTest {
    private static final String PASSWORD = "correct-horse-battery";
    private static final String PASSWORD_SERVICE = ", password: \"${env:REDIS_PASSWORD}\"";

    @Test
    void authenticatesWithThePasswordSecret(@TempDir Path dir) throws Exception {
        try (LocalRedis redis = LocalRedis.start(dir, PASSWORD)) {
            RedisProbeRuns runs = RedisProbeRuns.cold(redis.port(), "clients: 2, requests: 200", PASSWORD_SERVICE,
                    Map.of("REDIS_PASSWORD", PASSWORD));

            ProbeMeasurement measurement = runs.run();

            assertThat(measurement.status()).as("%s", measurement.errors()).isEqualTo(ProbeStatus.OK);
            assertThat(metric(measurement, "ops")).isEqualTo(200);
            assertThat(measurement.target()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void failsWithAnAuthErrorWithoutOrWithAWrongPasswordAndNeverPrintsIt(@TempDir Path dir) throws Exception {
        try (LocalRedis redis = LocalRedis.start(dir, PASSWORD)) {
            ProbeMeasurement missing = RedisProbeRuns.cold(redis.port(), "clients: 2, requests: 200").run();
            ProbeMeasurement wrong = RedisProbeRuns.cold(redis.port(), "clients: 2, requests: 200", PASSWORD_SERVICE,
                    Map.of("REDIS_PASSWORD", "not-the-password")).run();

            for (ProbeMeasurement measurement : new ProbeMeasurement[] {missing, wrong}) {
                assertThat(measurement.status()).isEqualTo(ProbeStatus.FAILED);
                assertThat(errorKinds(measurement)).containsExactly(ErrorKind.AUTH);
                assertThat(measurement.errors().get(0).message())
                        .contains("127.0.0.1:" + redis.port())
                        .doesNotContain(PASSWORD).doesNotContain("not-the-password");
                assertThat(measurement.metrics()).isEmpty();
            }
        }
    }

    @Test
    void measuresTheLoadAsAnAclUserAndReportsTheCommandsItMayNotRun(@TempDir Path dir) throws Exception {
        try (LocalRedis redis = LocalRedis.start(dir); Jedis jedis = RedisProbeRuns.jedis(redis)) {
            jedis.aclSetUser("bench", "on", ">" + PASSWORD, "~*", "+@all", "-info", "-slowlog");
            RedisProbeRuns runs = RedisProbeRuns.cold(redis.port(), "clients: 2, requests: 200",
                    ", user: bench" + PASSWORD_SERVICE, Map.of("REDIS_PASSWORD", PASSWORD));

            ProbeMeasurement measurement = runs.run();

            assertThat(measurement.status()).isEqualTo(ProbeStatus.PARTIAL);
            assertThat(metric(measurement, "ops")).isEqualTo(200);
            assertThat(RedisProbeRuns.find(measurement, "used_memory")).isEmpty();
            assertThat(measurement.errors()).allSatisfy(error -> {
                assertThat(error.kind()).isEqualTo(ErrorKind.AUTH);
                assertThat(error.message()).contains("NOPERM").contains("grant").doesNotContain(PASSWORD);
            }).hasSize(2);
        }
    }

    @Test
    void failsAsUnreachableWhenNothingListens() throws Exception {
        int port = FreePorts.loopback();
        RedisProbeRuns runs = RedisProbeRuns.cold(port, "clients: 4, requests: 100");

        long started = System.nanoTime();
        ProbeMeasurement measurement = runs.run();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(measurement.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(errorKinds(measurement)).containsExactly(ErrorKind.UNREACHABLE);
        assertThat(measurement.errors().get(0).message()).contains("127.0.0.1:" + port).contains("check");
    }

    @Test
    void keepsWhatItMeasuredWhenTheServerDiesMidRunAndEndsPromptly(@TempDir Path dir) throws Exception {
        LocalRedis redis = LocalRedis.start(dir);
        try {
            RedisProbeRuns runs = RedisProbeRuns.cold(redis.port(), "clients: 8, duration: 60s, commands: [get, set]");
            long[] killedAt = new long[1];

            ProbeMeasurement measurement = runs.runAndActAfter(2000, busy -> {
                killedAt[0] = System.nanoTime();
                redis.close();
            });
            Duration afterKill = Duration.ofNanos(System.nanoTime() - killedAt[0]);

            assertThat(killedAt[0]).as("the server was killed").isNotZero();
            assertThat(afterKill).isLessThan(Duration.ofSeconds(5));
            assertThat(measurement.status()).isIn(ProbeStatus.PARTIAL, ProbeStatus.FAILED);
            assertThat(metric(measurement, "ops")).isGreaterThanOrEqualTo(2000);
            assertThat(metric(measurement, "ops_per_s")).isPositive();
            assertThat(errorCount(measurement, ErrorKind.UNREACHABLE)).isPositive();
            assertThat(measurement.errors()).extracting(ProbeError::message)
                    .anySatisfy(message -> assertThat(message).contains("gave up"));
            // The headline's count is the errors metric; the error log's events (failed reconnects, give-ups) are
            // more, and named apart, so that "errors 20" never stands beside a headline of "101 errors".
            ErrorTally tally = ErrorTally.of(measurement);
            long failed = (long) metric(measurement, "errors");
            assertThat(tally.failed()).contains(failed);
            assertThat(tally.events()).isGreaterThan(failed);
            assertThat(tally.headline()).contains("errors " + failed + ", " + tally.events() + " error events");
            assertValidResultJson(measurement);
        } finally {
            redis.close();
        }
    }

    @Test
    void timesOutAgainstAServerThatStopsAnsweringAndStillEndsWithinSeconds(@TempDir Path dir) throws Exception {
        LocalRedis redis = LocalRedis.start(dir);
        try {
            RedisProbeRuns runs = RedisProbeRuns.cold(redis.port(), "clients: 4, duration: 60s, commands: [get]");
            long[] pausedAt = new long[1];

            ProbeMeasurement measurement = runs.runAndActAfter(2000, busy -> {
                pausedAt[0] = System.nanoTime();
                signal("STOP", redis.pid());
            });
            Duration afterPause = Duration.ofNanos(System.nanoTime() - pausedAt[0]);

            assertThat(pausedAt[0]).as("the server was paused").isNotZero();
            assertThat(afterPause).isLessThan(Duration.ofSeconds(12));
            assertThat(measurement.status()).isEqualTo(ProbeStatus.PARTIAL);
            assertThat(errorCount(measurement, ErrorKind.TIMEOUT)).isPositive();
            assertThat(measurement.errors()).extracting(ProbeError::message)
                    .anySatisfy(message -> assertThat(message).contains("no reply").contains("2000 ms"));
            assertThat(metric(measurement, "get.ops")).isGreaterThanOrEqualTo(2000);
        } finally {
            signal("CONT", redis.pid());
            redis.close();
        }
    }

    /** Pauses or resumes a process: SIGSTOP makes a server that accepts connections and never answers. */
    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void stopsPromptlyWhenAskedAndKeepsPartialCounts(LocalRedis redis) throws Exception {
        RedisProbeRuns runs = RedisProbeRuns.cold(redis.port(), "clients: 8, duration: 60s, commands: [get, set]");
        long[] stoppedAt = new long[1];

        ProbeMeasurement measurement = runs.runAndActAfter(2000, busy -> {
            stoppedAt[0] = System.nanoTime();
            busy.stop.raise();
        });
        Duration afterStop = Duration.ofNanos(System.nanoTime() - stoppedAt[0]);

        assertThat(afterStop).isLessThan(Duration.ofSeconds(3));
        assertThat(measurement.status()).isEqualTo(ProbeStatus.PARTIAL);
        assertThat(errorKinds(measurement)).containsExactly(ErrorKind.STOPPED);
        assertThat(metric(measurement, "ops")).isGreaterThanOrEqualTo(2000)
                .isEqualTo(runs.progress.snapshot().done());
        assertThat(metric(measurement, "errors")).isZero();
        assertValidResultJson(measurement);
    }
}
