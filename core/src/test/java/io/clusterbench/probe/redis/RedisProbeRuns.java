package io.clusterbench.probe.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.probe.ProbeContext;
import io.clusterbench.control.ProbeProgress;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.LatencyHistogram;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ToolInfo;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.DefaultSecretResolver;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.testkit.DescribedMetrics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/** Runs the redis probe the way a benchmark run does, from a spec against a real server, for the tests. */
final class RedisProbeRuns {
    static final String PROBE = "load";
    private static final Path RESULT_SCHEMA = Path.of("..", "docs", "result.schema.json");

    final ProbeProgress progress = new ProbeProgress(PROBE);
    final StopSignal stop = new StopSignal();
    private final ClusterSpec spec;
    private final SecretResolver secrets;

    private RedisProbeRuns(ClusterSpec spec, SecretResolver secrets) {
        this.spec = spec;
        this.secrets = secrets;
    }

    /**
     * A spec with one redis service on {@code port} and one probe {@value #PROBE} with the given parameters
     * (YAML flow-map entries such as {@code "clients: 4, requests: 100"}).
     */
    static RedisProbeRuns of(int port, String parameters) throws Exception {
        return of(port, parameters, "", Map.of());
    }

    /**
     * As {@link #of(int, String)} with {@code warmup: 0s}: for tests of the load's mechanics, where the default
     * warm-up would only add a second to each run.
     */
    static RedisProbeRuns cold(int port, String parameters) throws Exception {
        return of(port, "warmup: 0s, " + parameters);
    }

    /** As {@link #cold(int, String)}, with extra service keys and environment. */
    static RedisProbeRuns cold(int port, String parameters, String serviceExtras, Map<String, String> environment)
            throws Exception {
        return of(port, "warmup: 0s, " + parameters, serviceExtras, environment);
    }

    /** As {@link #of(int, String)}, with extra service keys (such as a password reference) and environment. */
    static RedisProbeRuns of(int port, String parameters, String serviceExtras, Map<String, String> environment)
            throws Exception {
        String yaml = """
                cluster: local
                services:
                  cache: { type: redis, address: 127.0.0.1, port: %d%s }
                probes:
                  %s: { service: cache%s }
                """.formatted(port, serviceExtras, PROBE, parameters.isEmpty() ? "" : ", " + parameters);
        return fromYaml(yaml, environment);
    }

    static RedisProbeRuns fromYaml(String yaml, Map<String, String> environment) throws Exception {
        SecretResolver secrets = new DefaultSecretResolver(environment::get);
        // Nothing in these specs is a relative path, so the folder only has to exist.
        Path folder = Path.of(System.getProperty("java.io.tmpdir"));
        ClusterSpec spec = SpecLoader.load("cluster.yaml", yaml, folder, secrets).spec();
        return new RedisProbeRuns(spec, secrets);
    }

    ProbeMeasurement run() {
        return DescribedMetrics.checked(spec.probes().get(PROBE), new RedisProbe().run(new ProbeContext(spec,
                spec.probes().get(PROBE), secrets, host -> {
                    throw new AssertionError("the redis probe must not use SSH");
                }, progress, stop, Clock.systemUTC())));
    }

    /** Runs the probe while {@code whenBusy} is called once, from another thread, after {@code ops} operations. */
    ProbeMeasurement runAndActAfter(long ops, Consumer<RedisProbeRuns> whenBusy) throws InterruptedException {
        Thread watcher = new Thread(() -> {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (progress.snapshot().done() < ops && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
            whenBusy.accept(this);
        }, "test-watcher");
        watcher.start();
        try {
            return run();
        } finally {
            watcher.join(30_000);
        }
    }

    static Jedis jedis(LocalRedis redis) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().timeoutMillis(2000);
        redis.password().ifPresent(config::password);
        return new Jedis(new HostAndPort(redis.host(), redis.port()), config.build());
    }

    static double metric(ProbeMeasurement measurement, String name) {
        return find(measurement, name).orElseThrow(
                () -> new AssertionError("no metric " + name + " in " + measurement.metrics())).value();
    }

    static Optional<MetricValue> find(ProbeMeasurement measurement, String name) {
        return measurement.metrics().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    static LatencyHistogram latency(ProbeMeasurement measurement, String name) {
        return measurement.latencies().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no latency " + name + " in " + measurement.latencies()));
    }

    static List<ErrorKind> errorKinds(ProbeMeasurement measurement) {
        return measurement.errors().stream().map(ProbeError::kind).toList();
    }

    static long errorCount(ProbeMeasurement measurement, ErrorKind kind) {
        return measurement.errors().stream().filter(e -> e.kind() == kind).mapToLong(ProbeError::count).sum();
    }

    /** Writes the measurement into a result.json and checks it against docs/result.schema.json. */
    static void assertValidResultJson(ProbeMeasurement measurement) throws Exception {
        RunResult result = new RunResult(RunResult.SCHEMA_VERSION, "test-run", "local", "cluster.yaml",
                "0".repeat(64), ToolInfo.current(), measurement.startedAt(), measurement.endedAt(), List.of(),
                List.of(measurement));
        JsonNode schemaTree = new ObjectMapper().readTree(RESULT_SCHEMA.toFile());
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree);
        assertThat(schema.validate(new ObjectMapper().readTree(ResultFiles.toJson(result)))).isEmpty();
    }
}
