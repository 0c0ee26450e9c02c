package io.clusterbench.probe.redis;

import static io.clusterbench.probe.redis.RedisProbeRuns.errorKinds;
import static io.clusterbench.probe.redis.RedisProbeRuns.latency;
import static io.clusterbench.probe.redis.RedisProbeRuns.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterbench.local.LocalRedis;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.testkit.RealServers;
import io.clusterbench.testkit.StopLater;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** The redis probe's warm-up against a real redis-server: on by default, left out of every measured number. */
@ExtendWith(RealServers.class)
class RedisWarmupTest {
    private static final String PASSWORD = "warm-up-secret";

    @Test
    void warmsUpForASecondByDefaultAndStillSendsExactlyTheRequestedCommandsMeasured(LocalRedis redis)
            throws Exception {
        RedisProbeRuns runs = RedisProbeRuns.of(redis.port(), "clients: 4, requests: 2000, commands: [get, set]");

        long started = System.nanoTime();
        ProbeMeasurement measurement = runs.run();
        double tookSeconds = (System.nanoTime() - started) / 1e9;

        assertThat(measurement.status()).as("%s", measurement.errors()).isEqualTo(ProbeStatus.OK);
        assertThat(metric(measurement, "ops")).isEqualTo(2000);
        assertThat(metric(measurement, "get.ops")).isEqualTo(1000);
        assertThat(latency(measurement, "all").count()).isEqualTo(2000);
        assertThat(runs.progress.snapshot().done()).as("the warm-up is not progress").isEqualTo(2000);
        assertThat(metric(measurement, "warmup.ops")).as("a second of load, many batches").isGreaterThan(100);
        assertThat(metric(measurement, "warmup.errors")).isZero();
        assertThat(metric(measurement, "warmup.s")).isBetween(1.0, 1.5);
        assertThat(metric(measurement, "warmup.p50_ms")).isPositive()
                .isLessThanOrEqualTo(metric(measurement, "warmup.p99_ms"));
        assertThat(metric(measurement, "load_s")).as("the measured window starts after the warm-up")
                .isLessThan(tookSeconds - 1.0);
        assertThat(metric(measurement, "ops_per_s"))
                .isEqualTo(2000 / metric(measurement, "load_s"), within(1e-6));
    }

    @Test
    void writesNoWarmUpMetricsWhenTheWarmUpIsSwitchedOff(LocalRedis redis) throws Exception {
        RedisProbeRuns runs = RedisProbeRuns.of(redis.port(), "clients: 2, requests: 500, warmup: 0s");

        ProbeMeasurement measurement = runs.run();

        assertThat(measurement.status()).as("%s", measurement.errors()).isEqualTo(ProbeStatus.OK);
        assertThat(metric(measurement, "ops")).isEqualTo(500);
        assertThat(measurement.metrics()).extracting(MetricValue::name).noneMatch(name -> name.startsWith("warmup."));
    }

    @Test
    void stopsPromptlyDuringTheWarmUpAndWritesWhatItHas(LocalRedis redis) throws Exception {
        RedisProbeRuns runs = RedisProbeRuns.of(redis.port(), "clients: 4, duration: 60s, warmup: 60s");
        StopLater.Timed<ProbeMeasurement> stopped = StopLater.call(runs.stop, Duration.ofMillis(500), runs::run);
        ProbeMeasurement measurement = stopped.value();

        assertThat(stopped.took()).isLessThan(Duration.ofSeconds(3));
        assertThat(measurement.status()).isEqualTo(ProbeStatus.PARTIAL);
        assertThat(errorKinds(measurement)).containsExactly(ErrorKind.STOPPED);
        assertThat(metric(measurement, "ops")).as("nothing was measured yet").isZero();
        assertThat(metric(measurement, "warmup.ops")).isPositive();
        assertThat(metric(measurement, "warmup.s")).isLessThan(3.0);
        RedisProbeRuns.assertValidResultJson(measurement);
    }

    @Test
    void logsTheWarmUpsErrorsButCountsThemApart(@TempDir Path dir) throws Exception {
        try (LocalRedis redis = LocalRedis.start(dir); Jedis jedis = RedisProbeRuns.jedis(redis)) {
            // A user that may not run INCR: every INCR, of the warm-up or measured, is answered with NOPERM.
            jedis.aclSetUser("bench", "on", ">" + PASSWORD, "~*", "+@all", "-incr");
            RedisProbeRuns runs = RedisProbeRuns.of(redis.port(), "clients: 1, requests: 10, commands: [incr], "
                    + "warmup: 300ms", ", user: bench, password: \"${env:REDIS_PASSWORD}\"",
                    Map.of("REDIS_PASSWORD", PASSWORD));

            ProbeMeasurement measurement = runs.run();

            assertThat(metric(measurement, "errors")).isEqualTo(10);
            assertThat(metric(measurement, "warmup.errors")).isPositive();
            assertThat(metric(measurement, "warmup.ops")).isZero();
            assertThat(measurement.metrics()).extracting(MetricValue::name).doesNotContain("warmup.p99_ms");
            assertThat(runs.progress.snapshot().errors()).as("the warm-up is not progress").isEqualTo(10);
            assertThat(RedisProbeRuns.errorCount(measurement, ErrorKind.AUTH))
                    .isEqualTo(10 + (long) metric(measurement, "warmup.errors"));
        }
    }
}
