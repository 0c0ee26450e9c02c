package io.clusterbench.probe.redis;

import static io.clusterbench.probe.redis.RedisProbeRuns.errorKinds;
import static io.clusterbench.probe.redis.RedisProbeRuns.find;
import static io.clusterbench.probe.redis.RedisProbeRuns.jedis;
import static io.clusterbench.probe.redis.RedisProbeRuns.latency;
import static io.clusterbench.probe.redis.RedisProbeRuns.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterbench.local.LocalRedis;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.LatencyHistogram;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.testkit.RealServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;

/** The redis probe's load against a real redis-server: counts, throughput, percentiles and key hygiene. */
@ExtendWith(RealServers.class)
class RedisProbeTest {

    @Test
    void measuresThroughputAndOrderedPercentilesForEveryCommand(LocalRedis redis) throws Exception {
        RedisProbeRuns runs = RedisProbeRuns.cold(redis.port(), "clients: 8, requests: 4000, commands: [get, set]");

        ProbeMeasurement measurement = runs.run();

        assertThat(measurement.status()).as("%s", measurement.errors()).isEqualTo(ProbeStatus.OK);
        assertThat(measurement.target()).isEqualTo("redis://127.0.0.1:" + redis.port() + "/0");
        assertThat(metric(measurement, "ops_per_s")).isPositive();
        assertThat(metric(measurement, "ops")).isEqualTo(4000);
        assertThat(metric(measurement, "errors")).isZero();
        for (String command : List.of("get", "set")) {
            assertThat(metric(measurement, command + ".ops_per_s")).as(command).isPositive();
            assertThat(metric(measurement, command + ".ops")).as(command).isEqualTo(2000);
            assertThat(latency(measurement, command).count()).as(command).isEqualTo(2000);
            assertThat(metric(measurement, command + ".p50_ms")).as(command).isPositive()
                    .isLessThanOrEqualTo(metric(measurement, command + ".p99_ms"));
            assertThat(metric(measurement, command + ".p99_ms")).as(command)
                    .isLessThanOrEqualTo(metric(measurement, command + ".max_ms"));
        }
        LatencyHistogram all = latency(measurement, "all");
        assertThat(all.count()).isEqualTo(4000);
        assertThat(all.p50()).isLessThanOrEqualTo(all.p99()).isLessThanOrEqualTo(all.max());
        assertThat(metric(measurement, "p99_ms")).isEqualTo(all.p99() / 1000.0, within(1e-9));
        assertThat(runs.progress.snapshot().done()).isEqualTo(4000);
        assertThat(runs.progress.snapshot().total()).isEqualTo(4000);
        assertThat(runs.progress.snapshot().errors()).isZero();
    }

    @Test
    void keepsEveryClientsConnectionBusyThoughEachThreadDrivesSeveral(LocalRedis redis) throws Exception {
        // 23 clients: three threads, one of them driving fewer clients than the others.
        RedisProbeRuns runs = RedisProbeRuns.cold(redis.port(), "clients: 23, duration: 60s, commands: [get, set]");
        long[] loadConnections = new long[1];

        ProbeMeasurement measurement = runs.runAndActAfter(5000, busy -> {
            try (Jedis jedis = jedis(redis)) {
                // cmd=get or cmd=set: a connection of the load that has sent commands, not just its handshake.
                loadConnections[0] = jedis.clientList().lines()
                        .filter(line -> line.contains("name=clusterbench ") && line.matches(".* cmd=(get|set) .*"))
                        .count();
            }
            busy.stop.raise();
        });

        assertThat(RedisLoad.threads(23)).isEqualTo(3);
        assertThat(loadConnections[0]).isEqualTo(23);
        assertThat(metric(measurement, "ops")).isGreaterThanOrEqualTo(5000);
        assertThat(metric(measurement, "errors")).isZero();
        assertThat(metric(measurement, "get.ops")).isPositive();
        assertThat(metric(measurement, "set.ops")).isPositive();
    }

    @Test
    void splitsTheClientsOverThreadsOfAtMostTenConnections() {
        assertThat(RedisLoad.threads(1)).isEqualTo(1);
        assertThat(RedisLoad.threads(10)).isEqualTo(1);
        assertThat(RedisLoad.threads(11)).isEqualTo(2);
        assertThat(RedisLoad.threads(50)).isEqualTo(5);
        assertThat(RedisLoad.threads(10_000)).isEqualTo(1000);
    }

    @Test
    void countsEveryCommandOfAPipelinedLoadExactly(LocalRedis redis) throws Exception {
        // 1003 is no multiple of the pipeline (16) nor of the mix (3): the last batches are short.
        RedisProbeRuns runs = RedisProbeRuns.cold(redis.port(),
                "clients: 4, pipeline: 16, requests: 1003, commands: [get, set, incr]");

        ProbeMeasurement measurement = runs.run();

        assertThat(measurement.status()).as("%s", measurement.errors()).isEqualTo(ProbeStatus.OK);
        assertThat(metric(measurement, "ops")).isEqualTo(1003);
        assertThat(latency(measurement, "get").count()).isEqualTo(335);
        assertThat(latency(measurement, "set").count()).isEqualTo(334);
        assertThat(latency(measurement, "incr").count()).isEqualTo(334);
        assertThat(metric(measurement, "incr.ops")).isEqualTo(334);
        assertThat(runs.progress.snapshot().done()).isEqualTo(1003);
    }

    @Test
    void runsEveryCommandOfTheMixWithoutErrors(LocalRedis redis) throws Exception {
        RedisProbeRuns runs = RedisProbeRuns.cold(redis.port(), "clients: 3, pipeline: 4, requests: 800, "
                + "commands: [ping, get, set, incr, lpush, rpop, hset, hget], valueSize: 10");

        ProbeMeasurement measurement = runs.run();

        assertThat(measurement.status()).as("%s", measurement.errors()).isEqualTo(ProbeStatus.OK);
        for (String command : List.of("ping", "get", "set", "incr", "lpush", "rpop", "hset", "hget")) {
            assertThat(metric(measurement, command + ".ops")).as(command).isEqualTo(100);
        }
    }

    @Test
    void deletesEveryKeyItWroteAndLeavesOtherKeysAsTheyWere(LocalRedis redis) throws Exception {
        try (Jedis jedis = jedis(redis)) {
            jedis.set("outside:keep", "untouched");
            jedis.set("cbt:x", "matches the prefix if its glob were not escaped");
            long keysBefore = jedis.dbSize();
            RedisProbeRuns runs = RedisProbeRuns.cold(redis.port(), "clients: 4, requests: 2000, "
                    + "keyPrefix: \"cb[test]*:\", commands: [get, set, incr, lpush, hset, hget]");

            ProbeMeasurement measurement = runs.run();

            assertThat(measurement.status()).as("%s", measurement.errors()).isEqualTo(ProbeStatus.OK);
            assertThat(jedis.scan("0", new ScanParams().match("cb\\[test\\]\\*:*").count(1000)).getResult())
                    .isEmpty();
            assertThat(jedis.dbSize()).isEqualTo(keysBefore);
            assertThat(jedis.get("outside:keep")).isEqualTo("untouched");
            assertThat(jedis.get("cbt:x")).isEqualTo("matches the prefix if its glob were not escaped");
        }
    }

    @Test
    void writesUnderAFreshDefaultPrefixAndRemovesItAfterwards(LocalRedis redis) throws Exception {
        try (Jedis jedis = jedis(redis)) {
            long keysBefore = jedis.dbSize();
            RedisProbeRuns runs = RedisProbeRuns.cold(redis.port(), "clients: 2, requests: 500, commands: [set]");

            ProbeMeasurement measurement = runs.run();

            assertThat(measurement.status()).as("%s", measurement.errors()).isEqualTo(ProbeStatus.OK);
            assertThat(jedis.scan("0", new ScanParams().match("clusterbench:load:*").count(10_000)).getResult())
                    .isEmpty();
            assertThat(jedis.dbSize()).isEqualTo(keysBefore);
        }
    }

    @Test
    void refusesAChosenPrefixThatAlreadyHoldsKeysAndKeepsThem(LocalRedis redis) throws Exception {
        try (Jedis jedis = jedis(redis)) {
            jedis.set("taken:precious", "data");
            RedisProbeRuns runs = RedisProbeRuns.cold(redis.port(), "clients: 1, requests: 10, keyPrefix: \"taken:\"");

            ProbeMeasurement measurement = runs.run();

            assertThat(measurement.status()).isEqualTo(ProbeStatus.FAILED);
            assertThat(errorKinds(measurement)).containsExactly(ErrorKind.REFUSED);
            assertThat(measurement.errors().get(0).message()).contains("taken:").contains("already exist");
            assertThat(jedis.get("taken:precious")).isEqualTo("data");
        }
    }

    @Test
    void usesTheChosenDatabaseAndNamesItInTheTarget(LocalRedis redis) throws Exception {
        try (Jedis jedis = jedis(redis)) {
            jedis.select(0);
            long keysInZero = jedis.dbSize();
            RedisProbeRuns runs = RedisProbeRuns.cold(redis.port(),
                    "clients: 2, requests: 200, database: 3, commands: [set]");

            ProbeMeasurement measurement = runs.run();

            assertThat(measurement.status()).as("%s", measurement.errors()).isEqualTo(ProbeStatus.OK);
            assertThat(measurement.target()).isEqualTo("redis://127.0.0.1:" + redis.port() + "/3");
            assertThat(jedis.dbSize()).isEqualTo(keysInZero);
            String keyspace = jedis.info("keyspace");
            assertThat(keyspace).doesNotContain("db3:");
        }
    }

    @Test
    void connectsToTheAddressOfTheServiceHost(LocalRedis redis) throws Exception {
        RedisProbeRuns runs = RedisProbeRuns.fromYaml("""
                cluster: local
                hosts:
                  box:
                    address: 127.0.0.1
                    user: ops
                    password: "${env:SSH_PASSWORD}"
                    insecureAcceptAnyHostKey: true
                services:
                  cache: { type: redis, host: box, port: %d }
                probes:
                  load: { service: cache, clients: 1, requests: 20, warmup: 0s }
                """.formatted(redis.port()), Map.of("SSH_PASSWORD", "unused"));

        ProbeMeasurement measurement = runs.run();

        assertThat(measurement.status()).as("%s", measurement.errors()).isEqualTo(ProbeStatus.OK);
        assertThat(measurement.target()).isEqualTo("redis://127.0.0.1:" + redis.port() + "/0");
    }

    @Test
    void runsForTheDurationWithAnUnknownTotal(LocalRedis redis) throws Exception {
        RedisProbeRuns runs = RedisProbeRuns.of(redis.port(), "clients: 4, duration: 1500ms, commands: [ping]");

        long started = System.nanoTime();
        ProbeMeasurement measurement = runs.run();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(measurement.status()).as("%s", measurement.errors()).isEqualTo(ProbeStatus.OK);
        assertThat(took).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(6));
        assertThat(metric(measurement, "load_s")).isBetween(1.5, 2.5);
        assertThat(runs.progress.snapshot().total()).isEqualTo(-1);
        assertThat(runs.progress.snapshot().done()).isPositive().isEqualTo((long) metric(measurement, "ops"));
        assertThat(find(measurement, "get.ops")).isEmpty();
    }
}
