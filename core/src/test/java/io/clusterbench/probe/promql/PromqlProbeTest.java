package io.clusterbench.probe.promql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.clusterbench.local.FreePorts;
import io.clusterbench.local.LocalPrometheus;
import io.clusterbench.local.LocalServerException;
import io.clusterbench.probe.ProbeContext;
import io.clusterbench.control.ProbeProgress;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ToolInfo;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.DefaultSecretResolver;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.testkit.RealServers;
import io.clusterbench.testkit.DescribedMetrics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The promql probe against a real Prometheus that scrapes a real node exporter. */
@ExtendWith(RealServers.class)
class PromqlProbeTest {

    private static final Path RESULT_SCHEMA = Path.of("..", "docs", "result.schema.json");
    private static final SecretResolver NO_SECRETS = new DefaultSecretResolver(Map.<String, String>of()::get);

    private final LocalPrometheus prometheus;

    @TempDir
    Path folder;

    PromqlProbeTest(LocalPrometheus prometheus) {
        this.prometheus = prometheus;
    }

    @BeforeEach
    void waitForTheFirstScrape() throws LocalServerException {
        prometheus.awaitTarget(LocalPrometheus.NODE_JOB, Duration.ofSeconds(30));
    }

    @Test
    void turnsTheUpSeriesOfTheNodeJobIntoOneWithItsLabels() throws Exception {
        ProbeMeasurement measurement = run(prometheus.url(), "query: 'up{job=\"node\"}'", NO_SECRETS);

        assertThat(measurement.status()).isEqualTo(ProbeStatus.OK);
        assertThat(measurement.target()).isEqualTo(prometheus.url());
        MetricValue up = only(measurement, "value");
        assertThat(up.value()).isEqualTo(1.0);
        assertThat(up.labels()).containsEntry("job", "node")
                .containsEntry("__name__", "up")
                .containsEntry("instance", prometheus.nodeExporter().target());
        assertThat(measurement.latencies()).extracting(l -> l.name()).containsExactly("query");
        assertThat(measurement.metrics()).extracting(MetricValue::name).contains("query_p99_ms", "query_max_ms");
    }

    @Test
    void readsTheHostsTotalMemoryInBytes() throws Exception {
        ProbeMeasurement measurement = run(prometheus.url(), "query: node_memory_MemTotal_bytes", NO_SECRETS);

        MetricValue total = only(measurement, "value");
        assertThat(total.value()).isGreaterThan(0);
        assertThat(total.unit()).isEqualTo("bytes");
    }

    @Test
    void namesEachMetricAfterItsQueryInSpecOrder() throws Exception {
        ProbeMeasurement measurement = run(prometheus.url(), """
                queries:
                      node_up: 'up{job="node"}'
                      mem_total_bytes: 'sum(node_memory_MemTotal_bytes)'
                      two: '1 + 1'""", NO_SECRETS);

        assertThat(measurement.status()).isEqualTo(ProbeStatus.OK);
        assertThat(measurement.metrics()).extracting(MetricValue::name)
                .startsWith("node_up", "mem_total_bytes", "two");
        assertThat(only(measurement, "node_up").value()).isEqualTo(1.0);
        assertThat(only(measurement, "mem_total_bytes").value()).isGreaterThan(0);
        assertThat(only(measurement, "mem_total_bytes").unit()).isEqualTo("bytes");
        assertThat(only(measurement, "two").value()).isEqualTo(2.0);
        assertThat(measurement.latencies().get(0).count()).isEqualTo(3);
    }

    @Test
    void readsAScalarResultWithoutLabels() throws Exception {
        ProbeMeasurement measurement = run(prometheus.url(), "query: '1+1'", NO_SECRETS);

        MetricValue two = only(measurement, "value");
        assertThat(two.value()).isEqualTo(2.0);
        assertThat(two.labels()).isEmpty();
        assertThat(two.unit()).isEqualTo("value");
    }

    @Test
    void surfacesPrometheusErrorTypeAndMessageForABadQuery() throws Exception {
        ProbeMeasurement measurement = run(prometheus.url(), "query: 'sum(up'", NO_SECRETS);

        assertThat(measurement.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(measurement.metrics()).isEmpty();
        ProbeError error = measurement.errors().get(0);
        assertThat(error.kind()).isEqualTo(ErrorKind.QUERY);
        assertThat(error.message()).contains("query 'value' (sum(up)", "HTTP 400", "errorType bad_data",
                "parse error", "fix the expression", prometheus.url());
    }

    @Test
    void givesNoMetricButANodataEntryForASeriesThatDoesNotExist() throws Exception {
        ProbeMeasurement measurement = run(prometheus.url(), "query: no_such_metric_anywhere", NO_SECRETS);

        assertThat(measurement.metrics()).extracting(MetricValue::name).doesNotContain("value");
        assertThat(measurement.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.NODATA);
            assertThat(error.message()).contains("no_such_metric_anywhere", "returned no series", "NODATA");
        });
        // The query was answered and timed, so the probe measured something: PARTIAL, not FAILED.
        assertThat(measurement.status()).isEqualTo(ProbeStatus.PARTIAL);
        assertThat(measurement.latencies()).hasSize(1);
    }

    @Test
    void leavesOutNotANumberAndInfinityAsNodata() throws Exception {
        ProbeMeasurement measurement = run(prometheus.url(), """
                queries:
                      nan: '0/0'
                      inf: '1/0'
                      one: '1'""", NO_SECRETS);

        assertThat(measurement.metrics()).extracting(MetricValue::name).contains("one").doesNotContain("nan", "inf");
        assertThat(measurement.errors()).extracting(ProbeError::kind).containsExactly(ErrorKind.NODATA,
                ErrorKind.NODATA);
        assertThat(measurement.errors()).extracting(ProbeError::message)
                .anySatisfy(m -> assertThat(m).contains("query 'nan'", "NaN"))
                .anySatisfy(m -> assertThat(m).contains("query 'inf'", "Infinity"));
        assertThat(measurement.status()).isEqualTo(ProbeStatus.PARTIAL);
    }

    @Test
    void refusesARangeVectorWithAdvice() throws Exception {
        ProbeMeasurement measurement = run(prometheus.url(), "query: 'up[1m]'", NO_SECRETS);

        assertThat(measurement.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(measurement.errors().get(0).message()).contains("range vector", "avg_over_time");
    }

    @Test
    void failsWhenPrometheusCannotBeReached() throws Exception {
        String nothing = "http://127.0.0.1:" + FreePorts.loopback();

        ProbeMeasurement measurement = run(nothing, """
                queries:
                      a: up
                      b: up""", NO_SECRETS);

        assertThat(measurement.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(measurement.metrics()).isEmpty();
        // Once Prometheus cannot be reached, the other queries are not tried one by one.
        assertThat(measurement.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.UNREACHABLE);
            assertThat(error.message()).contains(nothing, "service 'metrics'", "check the service's url");
        });
    }

    @Test
    void queriesWithATokenWithoutEverShowingIt() throws Exception {
        SecretResolver secrets = new DefaultSecretResolver(Map.of("PROM_TOKEN", "s3cret-token-value")::get);

        ProbeMeasurement measurement = runWithToken("""
                queries:
                      up: 'up{job="node"}'
                      bad: 'sum(up'""", secrets);

        assertThat(only(measurement, "up").value()).isEqualTo(1.0);
        assertThat(measurement.toString()).doesNotContain("s3cret-token-value");
    }

    @Test
    void namesTheTokenReferenceWhenItCannotBeRead() throws Exception {
        ProbeMeasurement measurement = runWithToken("query: up", NO_SECRETS);

        assertThat(measurement.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(measurement.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.AUTH);
            assertThat(error.message()).contains("${env:PROM_TOKEN}");
        });
    }

    @Test
    void sendsNoQueryOnceTheRunIsStopped() throws Exception {
        StopSignal stop = new StopSignal();
        stop.raise();

        ProbeMeasurement measurement = runSpec("""
                cluster: local
                services:
                  metrics: { type: prometheus, url: "%s" }
                probes:
                  gpu-metrics: { service: metrics, query: up }
                """.formatted(prometheus.url()), NO_SECRETS, stop);

        assertThat(measurement.metrics()).isEmpty();
        assertThat(measurement.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.STOPPED);
            assertThat(error.message()).contains("after 0 of 1 operations");
        });
    }

    @Test
    void writesMeasurementsThatTheResultSchemaAccepts() throws Exception {
        ProbeMeasurement good = run(prometheus.url(), """
                queries:
                      node_up: 'up{job="node"}'
                      missing: no_such_metric_anywhere""", NO_SECRETS);
        ProbeMeasurement bad = run(prometheus.url(), "query: 'sum(up'", NO_SECRETS);
        RunResult result = new RunResult(RunResult.SCHEMA_VERSION, "run-1", "local", "cluster.yaml", null,
                ToolInfo.current(), good.startedAt(), bad.endedAt(), List.of(), List.of(good, bad));

        JsonNode json = new ObjectMapper().readTree(ResultFiles.toJson(result));
        JsonNode schema = new ObjectMapper().readTree(RESULT_SCHEMA.toFile());

        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(json))
                .isEmpty();
    }

    private ProbeMeasurement run(String url, String parameters, SecretResolver secrets) throws Exception {
        return runSpec("""
                cluster: local
                services:
                  metrics: { type: prometheus, url: "%s" }
                probes:
                  gpu-metrics:
                    service: metrics
                    %s
                """.formatted(url, parameters), secrets);
    }

    private ProbeMeasurement runWithToken(String parameters, SecretResolver secrets) throws Exception {
        return runSpec("""
                cluster: local
                services:
                  metrics: { type: prometheus, url: "%s", token: "${env:PROM_TOKEN}" }
                probes:
                  gpu-metrics:
                    service: metrics
                    %s
                """.formatted(prometheus.url(), parameters), secrets);
    }

    private ProbeMeasurement runSpec(String yaml, SecretResolver secrets) throws Exception {
        return runSpec(yaml, secrets, new StopSignal());
    }

    private ProbeMeasurement runSpec(String yaml, SecretResolver secrets, StopSignal stop) throws Exception {
        ClusterSpec spec = SpecLoader.load("cluster.yaml", yaml, folder, secrets).spec();
        ProbeContext context = new ProbeContext(spec, spec.probes().get("gpu-metrics"), secrets,
                host -> {
                    throw new AssertionError("a promql probe must not use SSH, but asked for " + host);
                },
                new ProbeProgress("gpu-metrics"), stop, Clock.systemUTC());
        return DescribedMetrics.checked(context.probe(), new PromqlProbe().run(context));
    }

    private static MetricValue only(ProbeMeasurement measurement, String name) {
        List<MetricValue> found = measurement.metrics().stream().filter(m -> m.name().equals(name)).toList();
        assertThat(found).as("metrics named %s in %s", name, measurement.metrics()).hasSize(1);
        return found.get(0);
    }
}
