package io.clusterbench.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.clusterbench.ClusterBenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {

    private static final Path SCHEMA = Path.of("..", "docs", "result.schema.json");

    @Test
    void roundTripsEveryFieldThroughResultJson(@TempDir Path dir) throws Exception {
        RunResult written = sampleResult();
        Path file = dir.resolve("out").resolve(ResultFiles.RESULT_JSON);

        ResultFiles.write(written, file);
        RunResult read = ResultFiles.read(file);

        assertThat(read).isEqualTo(written);
        assertThat(read.probes().get(0).latencies().get(0).histogram())
                .isEqualTo(written.probes().get(0).latencies().get(0).histogram());
        assertThat(dir.resolve("out")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void writesWithoutIndentationWhenIndentedTheFileWouldPassTheReadLimit(@TempDir Path dir) throws Exception {
        RunResult written = sampleResult();
        Path file = dir.resolve(ResultFiles.RESULT_JSON);
        ResultFiles.write(written, file);
        long indented = Files.size(file);

        ResultFiles.write(written, file, indented - 1);

        assertThat(Files.size(file)).isLessThan(indented);
        assertThat(Files.readString(file)).doesNotContain("\n");
        assertThat(ResultFiles.read(file)).isEqualTo(written);
    }

    @Test
    void aWriteThatFailsLeavesNoTemporaryFileBehind(@TempDir Path dir) throws Exception {
        // The move onto a folder that is not empty fails after the temporary was written, as a full disk would.
        Path file = Files.createDirectories(dir.resolve(ResultFiles.RESULT_JSON));
        Files.writeString(file.resolve("keep"), "x");

        assertThatThrownBy(() -> ResultFiles.write(sampleResult(), file)).isInstanceOf(ClusterBenchException.class)
                .hasMessageContaining("cannot write");

        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly(ResultFiles.RESULT_JSON);
        }
    }

    @Test
    void writesEvenWhileTheWritingThreadIsInterrupted(@TempDir Path dir) throws Exception {
        RunResult written = sampleResult();
        Path file = dir.resolve(ResultFiles.RESULT_JSON);
        // How Jenkins stops a step; a writer on a file channel would close on it and lose the stopped run's result.
        Thread.currentThread().interrupt();
        boolean stillInterrupted;
        try {
            ResultFiles.write(written, file);
        } finally {
            stillInterrupted = Thread.interrupted();
        }

        assertThat(stillInterrupted).as("the flag is left for the caller").isTrue();
        assertThat(ResultFiles.read(file)).isEqualTo(written);
    }

    @Test
    void writesFilesThatTheJsonSchemaAccepts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(ResultFiles.RESULT_JSON);
        ResultFiles.write(sampleResult(), file);

        Set<ValidationMessage> problems = resultSchema().validate(new ObjectMapper().readTree(file.toFile()));

        assertThat(problems).isEmpty();
    }

    @Test
    void schemaRejectsAResultWithoutSchemaVersionOrWithAnUnknownStatus() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode tree = mapper.readTree(ResultFiles.toJson(sampleResult()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove("schemaVersion");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("probes").get(0)).put("status", "GREAT");

        Set<ValidationMessage> problems = resultSchema().validate(tree);

        assertThat(problems).extracting(ValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("schemaVersion"))
                .anySatisfy(message -> assertThat(message).contains("status"));
    }

    @Test
    void writesErrorKindsAsTheLowercaseWordsTheSchemaLists() throws Exception {
        JsonNode tree = new ObjectMapper().readTree(ResultFiles.toJson(sampleResult()));

        assertThat(tree.at("/probes/0/errors/0/kind").asText()).isEqualTo("timeout");
        assertThat(tree.at("/probes/1/errors/0/kind").asText()).isEqualTo("remote");
        assertThat(schemaEnum("/$defs/error/properties/kind/enum")).containsExactlyElementsOf(ErrorKind.words());
        assertThat(ErrorKind.HTTP_STATUS.word()).isEqualTo("http-status");
    }

    @Test
    void namesEvidenceStepsWithTheWordsTheSchemaLists() throws Exception {
        assertThat(schemaEnum("/$defs/evidence/properties/step/enum")).containsExactlyElementsOf(EvidenceStep.words());
        assertThat(EvidenceStep.ROLLBACK_FAILED.word()).isEqualTo("rollback-failed");
    }

    private static List<String> schemaEnum(String pointer) throws IOException {
        JsonNode words = new ObjectMapper().readTree(SCHEMA.toFile()).at(pointer);
        assertThat(words.isArray()).as(pointer).isTrue();
        List<String> texts = new ArrayList<>();
        words.forEach(word -> texts.add(word.asText()));
        return texts;
    }

    @Test
    void refusesAnErrorKindItDoesNotKnow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(ResultFiles.RESULT_JSON);
        Files.writeString(file, ResultFiles.toJson(sampleResult()).replace("\"kind\" : \"timeout\"",
                "\"kind\" : \"gremlins\""));

        // Named by its path, never quoted: messages echo nothing of a file (issue 11).
        assertThatThrownBy(() -> ResultFiles.read(file))
                .isInstanceOf(ClusterBenchException.class)
                .hasMessageContaining("probes[0].errors[0].kind")
                .hasMessageNotContaining("gremlins");
    }

    @Test
    void refusesAResultFromANewerSchemaVersionWithAdvice(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(ResultFiles.RESULT_JSON);
        Files.writeString(file, ResultFiles.toJson(sampleResult()).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 7"));

        assertThatThrownBy(() -> ResultFiles.read(file))
                .isInstanceOf(ClusterBenchException.class)
                .hasMessageContaining("schemaVersion 7")
                .hasMessageContaining("upgrade clusterbench");
    }

    @Test
    void reportsWhereAMalformedResultBreaks(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(ResultFiles.RESULT_JSON);
        Files.writeString(file, "{\n  \"schemaVersion\": 1,\n  \"runId\": oops\n}");

        assertThatThrownBy(() -> ResultFiles.read(file))
                .isInstanceOf(ClusterBenchException.class)
                .hasMessageStartingWith(file + ":3:");
    }

    @Test
    void refusesAMetricThatWasNotMeasured() {
        assertThatThrownBy(() -> MetricValue.of("get.p99_ms", Double.NaN, "ms"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leave a metric out");
    }

    static JsonSchema resultSchema() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
    }

    static RunResult sampleResult() {
        Instant start = Instant.parse("2026-11-29T14:00:00.123Z");
        Histogram gets = HistogramCodecTest.randomLatencies(7, 5_000);
        ProbeMeasurement redis = new ProbeMeasurement(
                "cache-latency", "redis", "redis://127.0.0.1:6379", ProbeStatus.PARTIAL,
                start, start.plusSeconds(10),
                List.of(MetricValue.of("get.p99_ms", gets.getValueAtPercentile(99) / 1000.0, "ms"),
                        new MetricValue("used_memory", 1_048_576, "bytes", Map.of("role", "master"))),
                List.of(LatencyHistogram.of("get", "us", gets)),
                List.of(new ProbeError(ErrorKind.TIMEOUT, "GET timed out after 2s on 127.0.0.1:6379", 3,
                        start.plusSeconds(4))));
        ProbeMeasurement gpu = new ProbeMeasurement(
                "gpu", "gpu", "ops@sark", ProbeStatus.FAILED, start, start.plusMillis(250),
                List.of(), List.of(),
                List.of(new ProbeError(ErrorKind.REMOTE, "nvidia-smi not found on sark: install the NVIDIA driver", 1,
                        start)));
        return new RunResult(RunResult.SCHEMA_VERSION, "20261129T140000Z-1a2b", "memory-system", "cluster.yaml",
                "0".repeat(64), new ToolInfo("clusterbench", "0.1.0", "17.0.15", "ci-1", "Linux amd64"),
                start, start.plusSeconds(11), List.of("clu"), List.of(redis, gpu));
    }
}
