package io.clusterbench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.History;
import io.clusterbench.result.LatencyHistogram;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ToolInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.HdrHistogram.Histogram;

/**
 * Property-based fuzzing of the result.json and history readers: whatever the bytes, the reader returns a result
 * or throws the one checked user-error type, of kind INVALID_INPUT, with a message that quotes nothing of the
 * file (the junk carries a marker that must never appear) and holds no raw control character.
 */
class ResultReaderFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = ResultFiles.toJson(sample());

    @Property(tries = 3_000)
    void mutatedResultsAreReadOrRefusedCleanly(@ForAll("mutatedResults") String text) {
        check(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 1_000)
    void arbitraryBytesAreReadOrRefusedCleanly(@ForAll("rawBytes") byte[] bytes) {
        check(bytes);
    }

    @Property(tries = 200)
    void historyFoldersOfMutatedResultsAreReadWithCleanWarnings(@ForAll("historySeeds") long seed)
            throws IOException {
        Path folder = Files.createTempDirectory("fuzz-history");
        try {
            Random random = new Random(seed);
            for (int i = 0; i < 3; i++) {
                Path run = Files.createDirectories(folder.resolve("build-" + i));
                Files.write(run.resolve(ResultFiles.RESULT_JSON), mutate(random).getBytes(StandardCharsets.UTF_8));
            }
            History history = History.read(folder);
            for (String warning : history.warnings()) {
                assertThat(warning).doesNotContain(Junk.MARKER);
                assertThat(Junk.hasRawControl(warning)).as(warning).isFalse();
            }
        } catch (ClusterBenchException e) {
            assertClean(e);
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Provide
    Arbitrary<String> mutatedResults() {
        return Arbitraries.longs().map(seed -> mutate(new Random(seed)));
    }

    @Provide
    Arbitrary<byte[]> rawBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    }

    @Provide
    Arbitrary<Long> historySeeds() {
        return Arbitraries.longs();
    }

    private static void check(byte[] bytes) {
        try {
            RunResult result = ResultFiles.parse(bytes, "fuzz.json");
            assertThat(result.schemaVersion()).isEqualTo(RunResult.SCHEMA_VERSION);
            result.probes().forEach(p -> p.metrics().forEach(m -> assertThat(Double.isFinite(m.value())).isTrue()));
        } catch (ClusterBenchException e) {
            assertClean(e);
        }
    }

    private static void assertClean(ClusterBenchException e) {
        assertThat(e.kind()).isIn(ClusterBenchException.Kind.INVALID_INPUT);
        assertThat(e.getMessage()).isNotBlank().doesNotContain(Junk.MARKER);
        assertThat(Junk.hasRawControl(e.getMessage())).as(e.getMessage()).isFalse();
    }

    /** The base result with one to four random changes to its tree, and sometimes to its text. */
    static String mutate(Random random) {
        try {
            JsonNode tree = JSON.readTree(BASE);
            int changes = 1 + random.nextInt(4);
            for (int i = 0; i < changes; i++) {
                List<JsonNode> containers = new ArrayList<>();
                collect(tree, containers);
                JsonNode target = containers.get(random.nextInt(containers.size()));
                if (target instanceof ObjectNode object && object.size() > 0) {
                    List<String> names = new ArrayList<>();
                    object.fieldNames().forEachRemaining(names::add);
                    String name = names.get(random.nextInt(names.size()));
                    switch (random.nextInt(4)) {
                        case 0 -> object.remove(name);
                        case 1 -> object.set(Junk.text(random), value(random, 3));
                        default -> object.set(name, value(random, 3));
                    }
                } else if (target instanceof ArrayNode array) {
                    if (array.size() > 0 && random.nextBoolean()) {
                        array.set(random.nextInt(array.size()), value(random, 3));
                    } else {
                        array.add(value(random, 3));
                    }
                }
            }
            String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
            return switch (random.nextInt(10)) {
                case 0 -> text.substring(0, random.nextInt(text.length()));
                case 1 -> text + (random.nextBoolean() ? " " + Junk.text(random) : "{}");
                case 2 -> "[".repeat(random.nextInt(5_000)) + text;
                default -> text;
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            node.forEach(child -> collect(child, into));
        }
    }

    private static JsonNode value(Random random, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(depth > 0 ? 11 : 9)) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.numberNode(random.nextLong());
            case 2 -> nodes.numberNode(random.nextBoolean() ? 1e308 : -Double.MAX_VALUE);
            case 3 -> nodes.numberNode(new java.math.BigDecimal("1e" + random.nextInt(400)));
            case 4 -> nodes.numberNode(random.nextInt(3) - 1);
            case 5 -> nodes.booleanNode(random.nextBoolean());
            case 6 -> nodes.textNode("2026-13-45T99:00:00Z");
            case 7 -> nodes.textNode(random.nextBoolean() ? "OK" : "timeout");
            case 8 -> nodes.textNode(Junk.text(random));
            case 9 -> {
                ArrayNode array = nodes.arrayNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    array.add(value(random, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = nodes.objectNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    object.set(random.nextBoolean() ? "value" : Junk.text(random), value(random, depth - 1));
                }
                yield object;
            }
        };
    }

    private static RunResult sample() {
        Instant start = Instant.parse("2026-11-29T14:00:00Z");
        Histogram gets = new Histogram(3);
        for (int i = 1; i <= 200; i++) {
            gets.recordValue(100 + i * 7L);
        }
        ProbeMeasurement redis = new ProbeMeasurement("cache-latency", "redis", "redis://127.0.0.1:6379",
                ProbeStatus.PARTIAL, start, start.plusSeconds(10),
                List.of(MetricValue.of("get.p99_ms", 1.5, "ms"),
                        new MetricValue("used_memory", 1_048_576, "bytes", Map.of("role", "master"))),
                List.of(LatencyHistogram.of("get", "us", gets)),
                List.of(new ProbeError(ErrorKind.TIMEOUT, "GET timed out", 3, start.plusSeconds(4))));
        return new RunResult(RunResult.SCHEMA_VERSION, "run-1", "memory-system", "cluster.yaml", "0".repeat(64),
                new ToolInfo("clusterbench", "0.1.0", "17", "ci-1", "Linux"), start, start.plusSeconds(11),
                List.of("clu"), List.of(redis));
    }
}
