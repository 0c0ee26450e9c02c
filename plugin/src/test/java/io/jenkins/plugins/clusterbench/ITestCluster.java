package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Run;
import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.local.LocalRedis;
import java.io.IOException;
import java.util.List;
import redis.clients.jedis.Jedis;

/**
 * The cluster the {@code *ITest}s benchmark, tune and gate: the test kit's real Redis and an HTTP service behind the
 * test kit's real nginx. Their thresholds are generous, because those tests are about the wiring into Jenkins, not
 * about this machine's latency.
 */
final class ITestCluster {
    /** What each step writes into its out folder and archives; evidence only where tuning ran. */
    static final List<String> REPORT_FILES =
            List.of("result.json", "audit-report.md", "audit-report.html", "report.css", "junit.xml");

    /** How many shards {@link #shardedSpec} is run in. */
    static final int SHARDS = 2;
    /** The whole run's requests in {@link #shardedSpec}; each shard sends its share. */
    static final int SHARDED_REQUESTS = 400;

    private static final String PASSABLE_CACHE_CRITERION = "pass: \"<= 1000\"";

    private ITestCluster() {
    }

    /** A spec with a Redis and an nginx probe, one Redis setting to tune, and objectives that pass on any machine. */
    static String spec(LocalRedis redis, LocalNginxBalancer nginx, int redisTimeout) {
        return spec(redis.host(), redis.port(), nginx.url(), redisTimeout);
    }

    /** The same spec for any addresses, so that a plain unit test can check that core accepts it. */
    static String spec(String redisHost, int redisPort, String balancerUrl, int redisTimeout) {
        return """
                cluster: itest
                services:
                  cache: { type: redis, address: %s, port: %d }
                  lb: { type: http, url: "%s/health" }
                probes:
                  cache-latency: { service: cache, clients: 4, requests: 2000, commands: [get, set] }
                  lb-latency: { service: lb, rate: 50, requests: 100 }
                tuning:
                  - { redis-config: cache, set: { timeout: %d }, persist: false }
                objectives:
                  - { metric: cache-latency.get.p99_ms, %s, weight: 2 }
                  - { metric: lb-latency.p99_ms, pass: "<= 1000" }
                score: { pass: 90, warning: 75 }
                """.formatted(redisHost, redisPort, balancerUrl, redisTimeout, PASSABLE_CACHE_CRITERION);
    }

    /**
     * A spec for a run in {@link #SHARDS} shards: one closed-model http probe {@code lb} of {@link #SHARDED_REQUESTS}
     * requests over two connections (one per shard), objectives any machine passes, and {@code lb.requests} as a
     * trend metric, so that every build summary (the shards' too, which are not scored) keeps the request count.
     */
    static String shardedSpec(String balancerUrl) {
        return """
                cluster: itest-shards
                services:
                  lb: { type: http, url: "%s/health" }
                probes:
                  lb: { service: lb, concurrency: %d, requests: %d, warmup: 0s }
                objectives:
                  - { metric: lb.p99_ms, pass: "<= 1000" }
                  - { metric: lb.error_pct, pass: "<= 0", key: true }
                trend:
                  metrics: [lb.requests]
                """.formatted(balancerUrl, SHARDS, SHARDED_REQUESTS);
    }

    /** The same spec, but no Redis answers a GET within a nanosecond, so the cache objective fails on any machine. */
    static String specWithImpossibleCacheObjective(LocalRedis redis, LocalNginxBalancer nginx) {
        String spec = spec(redis, nginx, 300);
        String impossible = spec.replace(PASSABLE_CACHE_CRITERION, "pass: \"<= 0.000001\"");
        if (impossible.equals(spec)) {
            throw new IllegalStateException("the spec no longer holds " + PASSABLE_CACHE_CRITERION);
        }
        return impossible;
    }

    /** The value Redis reports now, read without Cluster Bench. */
    static String redisSetting(LocalRedis redis, String name) {
        try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
            return jedis.configGet(name).get(name);
        }
    }

    /**
     * Checks the results a "benchmark (clusterbench-before), tune, benchmark (clusterbench), gate" build ends with,
     * one per id: {@code before} and {@code clusterbench} (scored by the gate) pass, and {@code tuning} holds the one
     * change (to {@code wantedTimeout}) with the link to its evidence.
     */
    static void assertPassedAfterTuning(Run<?, ?> run, int wantedTimeout) {
        assertThat(run.getActions(ClusterBenchAction.class)).extracting(ClusterBenchAction::getId)
                .containsExactlyInAnyOrder("before", "tuning", "clusterbench");
        ClusterBenchAction after = ClusterBenchResults.find(run, "clusterbench");
        assertThat(after.getVerdict()).isEqualTo("PASS");
        assertThat(after.getScore()).isEqualTo(100.0);
        assertThat(after.getFailedObjectives()).isEmpty();
        assertThat(after.getArtifactPaths()).contains("clusterbench/result.json");
        assertThat(ClusterBenchResults.find(run, "before").getVerdict()).isEqualTo("PASS");
        ClusterBenchAction tuning = ClusterBenchResults.find(run, "tuning");
        assertThat(tuning.getChanges()).singleElement().satisfies(change -> {
            assertThat(change.getStatus()).isEqualTo("APPLIED");
            assertThat(change.getEvidence()).endsWith("-> " + wantedTimeout);
        });
        assertThat(tuning.getArtifactPaths()).contains("clusterbench-tuning/evidence.jsonl");
    }

    /** Whether the build archived the file, through its artifact manager, as the build page links it. */
    static boolean archived(Run<?, ?> run, String path) throws IOException {
        return run.getArtifactManager().root().child(path).isFile();
    }
}
