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
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;

/** docs/spec.schema.json accepts every example and rejects the structural errors it can express. */
class SpecSchemaTest {

    private static JsonSchema schema;

    @BeforeAll
    static void readSchema() throws IOException {
        try (InputStream in = Files.newInputStream(SpecFiles.docs().resolve("spec.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
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
            """)
    void rejectsStructuralErrors(String file, String mentioned) {
        Set<ValidationMessage> messages = validate(file, SpecFiles.resource("specs/bad/" + file));

        assertThat(messages).isNotEmpty();
        assertThat(messages).map(ValidationMessage::getMessage).anyMatch(m -> m.contains(mentioned));
    }

    @Test
    void acceptsWhatOnlyTheLoaderCanRefuse() {
        // References span sections, which a schema cannot follow: the loader is the authority.
        List<String> semantic = List.of("dangling-service-host.yaml", "dangling-probe-service.yaml");

        assertThat(semantic).allSatisfy(file ->
                assertThat(validate(file, SpecFiles.resource("specs/bad/" + file))).isEmpty());
    }
}
