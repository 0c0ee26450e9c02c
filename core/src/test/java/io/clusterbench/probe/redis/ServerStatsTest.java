package io.clusterbench.probe.redis;

import static io.clusterbench.probe.redis.RedisProbeRuns.find;
import static io.clusterbench.probe.redis.RedisProbeRuns.jedis;
import static io.clusterbench.probe.redis.RedisProbeRuns.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterbench.local.LocalRedis;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** The server figures the redis probe reports: INFO fields, the slow log and latency-monitor events. */
class ServerStatsTest {

    @Test
    void reportsInfoSlowlogAndLatencyEventsOfARealServer(@TempDir Path dir) throws Exception {
        try (LocalRedis redis = LocalRedis.start(dir); Jedis jedis = jedis(redis)) {
            jedis.configSet("slowlog-log-slower-than", "0");
            jedis.configSet("latency-monitor-threshold", "1");
            jedis.set("known", "1");
            jedis.get("known");
            jedis.get("unknown");
            // A Lua busy loop of some milliseconds is a "command" latency event above the 1 ms threshold.
            jedis.eval("local i = 0 while i < 5000000 do i = i + 1 end return i");
            RedisProbeRuns runs = RedisProbeRuns.of(redis.port(), "clients: 2, requests: 100");

            ProbeMeasurement measurement = runs.run();

            assertThat(measurement.status()).as("%s", measurement.errors()).isEqualTo(ProbeStatus.OK);
            assertThat(metric(measurement, "used_memory")).isPositive();
            assertThat(metric(measurement, "used_memory_rss")).isPositive();
            assertThat(metric(measurement, "maxmemory")).isZero();
            assertThat(metric(measurement, "mem_fragmentation_ratio")).isPositive();
            assertThat(metric(measurement, "connected_clients")).isGreaterThanOrEqualTo(2);
            assertThat(metric(measurement, "blocked_clients")).isZero();
            assertThat(metric(measurement, "evicted_keys")).isZero();
            assertThat(metric(measurement, "rejected_connections")).isZero();
            assertThat(metric(measurement, "instantaneous_ops_per_s")).isNotNegative();
            // Read before the load: one hit and one miss so far.
            assertThat(metric(measurement, "keyspace_hit_ratio")).isBetween(0.0, 1.0).isEqualTo(0.5, within(1e-9));
            assertThat(metric(measurement, "slowlog_len")).isPositive();
            assertThat(metric(measurement, "latency_event.command.max_ms")).isGreaterThanOrEqualTo(1);
            assertThat(find(measurement, "used_memory").orElseThrow().unit()).isEqualTo("bytes");
        }
    }

    @Test
    void parsesInfoTextAndSkipsHeadersAndUnknownShapes() {
        Map<String, String> info = ServerStats.parseInfo(
                "# Memory\r\nused_memory:1048576\r\nmaxmemory_policy:noeviction\r\n\r\nnot a field\r\n"
                        + "# Stats\r\nkeyspace_hits:30\r\nkeyspace_misses:10\r\nevicted_keys:oops\r\n");

        List<MetricValue> metrics = ServerStats.fromInfo(info);

        assertThat(info).containsEntry("used_memory", "1048576").containsEntry("maxmemory_policy", "noeviction")
                .doesNotContainKey("not a field");
        assertThat(metrics).extracting(MetricValue::name).containsExactly("used_memory", "keyspace_hit_ratio");
        assertThat(metrics.get(1).value()).isEqualTo(0.75);
    }

    @Test
    void leavesTheHitRatioOutWhenTheServerServedNoLookup() {
        assertThat(ServerStats.hitRatio(Map.of("keyspace_hits", "0", "keyspace_misses", "0"))).isEmpty();
        assertThat(ServerStats.hitRatio(Map.of("keyspace_hits", "5"))).isEmpty();
        assertThat(ServerStats.hitRatio(Map.of("keyspace_hits", "0", "keyspace_misses", "4"))).contains(0.0);
    }
}
