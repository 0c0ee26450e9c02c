package io.clusterbench.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;

/** docs/spec.schema.json accepts every example and rejects the structural errors it can express. */
class SpecSchemaTest {

    private static JsonSchema schema;
    private static JsonNode schemaTree;

    @BeforeAll
    static void readSchema() throws IOException {
        try (InputStream in = Files.newInputStream(SpecFiles.docs().resolve("spec.schema.json"))) {
            schemaTree = new ObjectMapper().readTree(in);
        }
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree);
    }

    private static Set<ValidationMessage> validate(String name, String text) {
        Object yaml = new Load(SpecLoader.settings(name)).loadFromString(text);
        JsonNode tree = new ObjectMapper().valueToTree(yaml);
        return schema.validate(tree);
    }

    static Stream<Path> examples() throws IOException {
        return SpecLoaderTest.examples();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void acceptsEveryExample(Path example) throws IOException {
        assertThat(validate(example.toString(), Files.readString(example))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown-key-top.yaml            | servics
            unknown-key-nested.yaml         | adress
            bad-port.yaml                   | port
            bad-port.json                   | port
            missing-required.yaml           | cluster
            both-host-keys.yaml             | sark
            no-auth.yaml                    | sark
            literal-password.yaml           | password
            malformed-secret.yaml           | password
            bad-duration.yaml               | connectTimeout
            bad-url.yaml                    | url
            wrong-types.yaml                | port
            restart-container-and-unit.yaml | tuning
            refused-redis-parameter.yaml    | set
            bad-criterion.yaml              | pass
            bad-ids.yaml                    | cluster
            bad-host-key.yaml               | hostKey
            three-errors.yaml               | weight
            trend-structure.yaml            | metrcs
            trend-metrics.yaml              | trend.metrics
            past-probe-limits.yaml          | clients
            bad-quiet-check.yaml            | quietCheck
            """)
    void rejectsStructuralErrors(String file, String mentioned) {
        Set<ValidationMessage> messages = validate(file, SpecFiles.resource("specs/bad/" + file));

        assertThat(messages).isNotEmpty();
        assertThat(messages).map(ValidationMessage::getMessage).anyMatch(m -> m.contains(mentioned));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void boundsEachNumericProbeParameterByTheLoosestKindThatTakesIt(boolean onHosts) {
        JsonNode properties = schemaTree.at("/$defs/" + (onHosts ? "hostProbe" : "serviceProbe") + "/properties");
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> documented = new TreeMap<>();
        for (ProbeKind kind : ProbeKind.values()) {
            if (kind.onHosts() != onHosts) {
                continue;
            }
            for (Parameter<?> parameter : kind.descriptor().parameters().parameters()) {
                Optional<Range> range = range(parameter.type());
                range.ifPresent(r -> expected.merge(parameter.name(), bounds(r), SpecSchemaTest::looser));
                range.ifPresent(r -> documented.put(parameter.name(),
                        schemaBounds(properties.get(parameter.name()))));
            }
        }
        assertThat(documented).isEqualTo(expected);
    }

    /** The range of a whole-number or number parameter. */
    private static Optional<Range> range(ParameterType type) {
        if (type instanceof ParameterType.Whole whole) {
            return Optional.of(new Range(whole.min() == Long.MIN_VALUE ? Double.NEGATIVE_INFINITY : whole.min(), true,
                    whole.max() == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : whole.max(), true));
        }
        return type instanceof ParameterType.Real real ? Optional.of(real.range()) : Optional.empty();
    }

    /** "min/max" as JSON Schema keywords would say them: ">0", ">=1", "<=10000", or "" for no bound. */
    private static String bounds(Range range) {
        String min = range.min() == Double.NEGATIVE_INFINITY ? "" : (range.minInclusive() ? ">=" : ">")
                + Range.format(range.min());
        String max = range.max() == Double.POSITIVE_INFINITY ? "" : (range.maxInclusive() ? "<=" : "<")
                + Range.format(range.max());
        return min + "/" + max;
    }

    /** The looser of two bounds strings, side by side: no bound beats any, a lower minimum, a higher maximum. */
    private static String looser(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        return pick(x[0], y[0], -1) + "/" + pick(x[1], y[1], 1);
    }

    private static String pick(String a, String b, int sign) {
        if (a.isEmpty() || b.isEmpty()) {
            return "";
        }
        double da = Double.parseDouble(a.replaceAll("[<>=]", ""));
        double db = Double.parseDouble(b.replaceAll("[<>=]", ""));
        return Math.signum(da - db) == sign || (da == db && a.contains("=")) ? a : b;
    }

    /** The bounds of a schema property (the integer branch of an anyOf), said as {@link #bounds} says them. */
    private static String schemaBounds(JsonNode property) {
        assertThat(property).as("a schema property for every probe parameter").isNotNull();
        JsonNode numeric = property;
        for (JsonNode branch : property.path("anyOf")) {
            if (branch.path("type").asText().matches("integer|number")) {
                numeric = branch;
            }
        }
        String min = numeric.has("minimum") ? ">=" + Range.format(numeric.get("minimum").asDouble())
                : numeric.has("exclusiveMinimum") ? ">" + Range.format(numeric.get("exclusiveMinimum").asDouble())
                : "";
        String max = numeric.has("maximum") ? "<=" + Range.format(numeric.get("maximum").asDouble())
                : numeric.has("exclusiveMaximum") ? "<" + Range.format(numeric.get("exclusiveMaximum").asDouble())
                : "";
        return min + "/" + max;
    }

    @Test
    void acceptsWhatOnlyTheLoaderCanRefuse() {
        // References span sections, which a schema cannot follow: the loader is the authority.
        List<String> semantic = List.of("dangling-service-host.yaml", "dangling-probe-service.yaml");

        assertThat(semantic).allSatisfy(file ->
                assertThat(validate(file, SpecFiles.resource("specs/bad/" + file))).isEmpty());
    }
}
