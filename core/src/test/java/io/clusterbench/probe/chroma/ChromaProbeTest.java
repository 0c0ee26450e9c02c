package io.clusterbench.probe.chroma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.probe.ProbeContext;
import io.clusterbench.control.ProbeProgress;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.LatencyHistogram;
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
import io.clusterbench.result.Timeline;
import io.clusterbench.result.TimelinePoint;
import io.clusterbench.result.TimelineRound;
import io.clusterbench.testkit.DescribedMetrics;
import io.clusterbench.testkit.StoredResults;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chroma probe against {@link ChromaFixture}. */
class ChromaProbeTest {
    private static final String TOKEN = "chroma-token-51d2";

    @TempDir
    Path folder;

    private ChromaFixture fixture;
    private final StopSignal stop = new StopSignal();

    @BeforeEach
    void startFixture() throws Exception {
        fixture = ChromaFixture.start();
    }

    @AfterEach
    void stopFixture() {
        fixture.close();
    }

    @Test
    void measuresHeartbeatVersionAndTheLatencyOfEveryQuery() throws Exception {
        fixture.collection("memories", 8, 20, true).queryDelay(20);

        ProbeMeasurement m = run("collection: memories", "queries: 5, nResults: 3", Map.of());

        assertThat(m.status()).as("%s", m.errors()).isEqualTo(ProbeStatus.OK);
        assertThat(metric(m, "heartbeat_ms")).isPositive();
        assertThat(Math.abs(metric(m, "clock_offset_ms"))).isLessThan(1000);
        assertThat(m.metrics()).filteredOn(metric -> metric.name().equals("version_info"))
                .singleElement().satisfies(version -> assertThat(version.labels()).containsEntry("version", "1.0.0"));
        assertThat(metric(m, "collection_dimension")).isEqualTo(8);
        assertThat(metric(m, "queries_completed")).isEqualTo(5);
        assertThat(metric(m, "queries_failed")).isZero();
        assertThat(metric(m, "query_mean_ms")).isBetween(20.0, 2000.0);
        assertThat(metric(m, "query_p99_ms")).isGreaterThanOrEqualTo(20.0);
        assertThat(m.latencies()).singleElement().extracting(LatencyHistogram::count).isEqualTo(5L);
        assertThat(fixture.queries()).isEqualTo(5);
    }

    @Test
    void findsTheDimensionInARecordWhenTheCollectionDoesNotSayIt() throws Exception {
        // The fixture refuses a query vector of another length, so success shows the dimension was right.
        fixture.collection("old", 5, 3, false);

        ProbeMeasurement m = run("collection: old", "queries: 2", Map.of());

        assertThat(metric(m, "collection_dimension")).isEqualTo(5);
        assertThat(metric(m, "queries_completed")).isEqualTo(2);
        assertThat(m.errors()).isEmpty();
    }

    @Test
    void queriesTheProbesCollectionRatherThanTheServices() throws Exception {
        fixture.collection("service-default", 4, 2, true).collection("chosen", 6, 2, true);

        ProbeMeasurement m = run("collection: service-default", "queries: 1, collection: chosen", Map.of());

        assertThat(metric(m, "collection_dimension")).isEqualTo(6);
    }

    @Test
    void sendsTheTokenAndNeverWritesIt() throws Exception {
        fixture.collection("memories", 4, 2, true).requireToken(TOKEN);

        ProbeMeasurement accepted = run("collection: memories, token: \"${env:CHROMA_TOKEN}\"", "queries: 2",
                Map.of("CHROMA_TOKEN", TOKEN));
        ProbeMeasurement refused = run("collection: memories, token: \"${env:CHROMA_TOKEN}\"", "queries: 2",
                Map.of("CHROMA_TOKEN", "wrong-token-0b7e"));

        assertThat(accepted.errors()).isEmpty();
        assertThat(fixture.tokens()).contains(TOKEN);
        assertThat(refused.errors()).extracting(ProbeError::kind).containsExactly(ErrorKind.AUTH, ErrorKind.AUTH);
        assertThat(refused.errors()).extracting(ProbeError::message).allSatisfy(message ->
                assertThat(message).contains("answered 401", "token of service vectors"));
        assertThat(refused.metrics()).extracting(MetricValue::name).doesNotContain("queries_completed");
        String written = ResultFiles.toJson(result(accepted, refused));
        assertThat(written).doesNotContain(TOKEN).doesNotContain("wrong-token-0b7e");
    }

    @Test
    void explainsA410OnTheV1ApiWhenTheV2HeartbeatIsMissing() throws Exception {
        fixture.hideV2();

        ProbeMeasurement m = run("collection: memories", "queries: 2", Map.of());

        assertThat(m.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(m.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.PROTOCOL);
            assertThat(error.message()).contains("/api/v2/heartbeat answered 404",
                    "/api/v1/heartbeat answered 410 Gone", "The v1 API is deprecated. Please use /v2 apis",
                    "only speaks the v2 API");
        });
    }

    @Test
    void namesAnUnknownCollectionAndWhereItWasLookedFor() throws Exception {
        fixture.collection("memories", 4, 2, true);

        ProbeMeasurement m = run("collection: memorys", "queries: 2", Map.of());

        assertThat(m.status()).isEqualTo(ProbeStatus.PARTIAL);
        assertThat(m.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.NOT_FOUND);
            assertThat(error.message()).contains("no collection 'memorys'", "tenant 'default_tenant'",
                    "database 'default_database'", "Collection [memorys] does not exist");
        });
        assertThat(fixture.queries()).isZero();
    }

    @Test
    void saysSoWhenTheCollectionIsEmpty() throws Exception {
        fixture.collection("empty", 4, 0, false);

        ProbeMeasurement m = run("collection: empty", "queries: 2", Map.of());

        assertThat(m.errors()).extracting(ProbeError::kind).containsExactly(ErrorKind.EMPTY);
        assertThat(fixture.queries()).isZero();
    }

    @Test
    void measuresOnlyHeartbeatAndVersionWithoutACollection() throws Exception {
        ProbeMeasurement m = run("host: sark", "queries: 2", Map.of());

        assertThat(m.status()).isEqualTo(ProbeStatus.OK);
        assertThat(m.metrics()).extracting(MetricValue::name)
                .containsExactly("heartbeat_ms", "clock_offset_ms", "version_info");
    }

    @Test
    void failsAtOnceWhenNothingListens() throws Exception {
        String url = fixture.url();
        fixture.close();

        ProbeMeasurement m = run(url, "collection: memories", "queries: 2", Map.of());

        assertThat(m.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(m.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.UNREACHABLE);
            assertThat(error.message()).contains("cannot connect to " + url);
        });
    }

    @Test
    void stopsQueryingWhenTheRunStops() throws Exception {
        fixture.collection("memories", 4, 2, true);
        stop.raise();

        ProbeMeasurement m = run("collection: memories", "queries: 50", Map.of());

        assertThat(fixture.queries()).isZero();
        assertThat(m.errors()).extracting(ProbeError::kind).containsExactly(ErrorKind.STOPPED);
    }

    @Test
    void warmsUpForASecondByDefaultAndLeavesThoseQueriesOutOfEveryMeasuredNumber() throws Exception {
        fixture.collection("memories", 4, 5, true).queryDelay(5);

        ProbeMeasurement m = measure(fixture.url(), "collection: memories", "queries: 3", Map.of());

        assertThat(m.status()).as("%s", m.errors()).isEqualTo(ProbeStatus.OK);
        assertThat(metric(m, "queries_completed")).isEqualTo(3);
        assertThat(m.latencies()).singleElement().extracting(LatencyHistogram::count).isEqualTo(3L);
        assertThat(metric(m, "warmup.queries")).as("a second of queries of 5 ms or more").isBetween(10.0, 200.0);
        assertThat(fixture.queries()).isEqualTo(3 + (int) metric(m, "warmup.queries"));
        assertThat(metric(m, "warmup.errors")).isZero();
        assertThat(metric(m, "warmup.s")).isBetween(1.0, 1.5);
        assertThat(metric(m, "warmup.p50_ms")).isGreaterThanOrEqualTo(5.0)
                .isLessThanOrEqualTo(metric(m, "warmup.p99_ms"));
    }

    @Test
    void countsEveryQueryOfEachPhaseInExactlyOnePointOfTheStoredTimeline() throws Exception {
        fixture.collection("memories", 4, 5, true).queryDelay(20);

        ProbeMeasurement m = measure(fixture.url(), "collection: memories", "queries: 60, warmup: 1s", Map.of());
        Timeline timeline = StoredResults.roundTrip(m, folder).timeline();

        assertThat(m.status()).as("%s", m.errors()).isEqualTo(ProbeStatus.OK);
        assertThat(timeline.rounds()).hasSize(1);
        TimelineRound round = timeline.rounds().get(0);
        assertThat(round.warmupS()).as("%s", round.points()).isBetween(0.9, 1.5);
        assertThat(round.points().stream().filter(TimelinePoint::warmup).mapToLong(TimelinePoint::achieved).sum())
                .isEqualTo((long) metric(m, "warmup.queries"));
        List<TimelinePoint> load = round.points().stream().filter(p -> !p.warmup()).toList();
        // 60 queries of 20 ms or more, one after another: more than a second, so more than one point.
        assertThat(load).as("%s", round.points()).hasSizeGreaterThan(1)
                .allSatisfy(p -> assertThat(p.p50Ms()).isNotNull().isGreaterThanOrEqualTo(20.0));
        assertThat(load.stream().mapToLong(TimelinePoint::offered).sum()).isEqualTo(60);
        assertThat(load.stream().mapToLong(TimelinePoint::achieved).sum())
                .isEqualTo((long) metric(m, "queries_completed")).isEqualTo(60);
        assertThat(load.stream().mapToLong(TimelinePoint::errors).sum()).isEqualTo((long) metric(m, "queries_failed"));
    }

    @Test
    void writesNoWarmUpMetricsWhenTheWarmUpIsSwitchedOff() throws Exception {
        fixture.collection("memories", 4, 5, true);

        ProbeMeasurement m = run("collection: memories", "queries: 3", Map.of());

        assertThat(m.metrics()).extracting(MetricValue::name).noneMatch(name -> name.startsWith("warmup."));
        assertThat(fixture.queries()).isEqualTo(3);
    }

    @Test
    void writesAMeasurementThatTheResultSchemaAccepts() throws Exception {
        fixture.collection("memories", 4, 5, true);

        ProbeMeasurement m = measure(fixture.url(), "collection: memories", "queries: 3", Map.of());

        JsonNode json = new ObjectMapper().readTree(ResultFiles.toJson(result(m)));
        JsonNode schema = new ObjectMapper().readTree(Path.of("..", "docs", "result.schema.json").toFile());
        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(json))
                .isEmpty();
    }

    private ProbeMeasurement run(String service, String parameters, Map<String, String> environment)
            throws ClusterBenchException {
        return run(fixture.url(), service, parameters, environment);
    }

    /**
     * A run with {@code warmup: 0s}: these tests count the queries the fixture received, which a warm-up would
     * add to; the warm-up's own tests call {@link #measure}.
     */
    private ProbeMeasurement run(String url, String service, String parameters, Map<String, String> environment)
            throws ClusterBenchException {
        return measure(url, service, "warmup: 0s, " + parameters, environment);
    }

    private ProbeMeasurement measure(String url, String service, String parameters, Map<String, String> environment)
            throws ClusterBenchException {
        String yaml = """
                cluster: local
                hosts:
                  sark: { address: 127.0.0.1, user: ops, password: "${env:UNUSED}", insecureAcceptAnyHostKey: true }
                services:
                  vectors: { type: chroma, url: "%s", %s }
                probes:
                  vector-query: { service: vectors, %s }
                """.formatted(url, service, parameters);
        SecretResolver secrets = new DefaultSecretResolver(environment::get);
        ClusterSpec spec = SpecLoader.load("cluster.yaml", yaml, folder, secrets).spec();
        ProbeContext context = new ProbeContext(spec, spec.probes().get("vector-query"), secrets,
                host -> {
                    throw new ClusterBenchException(ClusterBenchException.Kind.CONNECTION, "no SSH in this test");
                },
                new ProbeProgress("vector-query"), stop, Clock.systemUTC());
        return DescribedMetrics.checked(context.probe(), new ChromaProbe().run(context));
    }

    private static double metric(ProbeMeasurement measurement, String name) {
        return measurement.metrics().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name + " in " + measurement.metrics()
                        + " (errors " + measurement.errors() + ")"))
                .value();
    }

    private static RunResult result(ProbeMeasurement... measurements) {
        ProbeMeasurement first = measurements[0];
        return new RunResult(RunResult.SCHEMA_VERSION, "20261129T140000Z-1a2b", "local", "cluster.yaml",
                "0".repeat(64), new ToolInfo("clusterbench", "0.1.0", "17", "test", "Linux amd64"),
                first.startedAt(), first.endedAt(), List.of(), List.of(measurements));
    }
}
