package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.spec.SecretRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundSecretResolverTest {
    private static final Map<String, String> AGENT_ENV = Map.of("REDIS_PASSWORD", "from-agent", "LLM_KEY", "agent-key");

    private final BoundSecretResolver resolver =
            new BoundSecretResolver(Map.of("REDIS_PASSWORD", "from-jenkins"), AGENT_ENV::get);

    @Test
    void boundSecretWinsOverTheAgentsEnvironment() throws ClusterBenchException {
        assertThat(resolver.resolve(new SecretRef(SecretRef.Source.ENV, "REDIS_PASSWORD"))).isEqualTo("from-jenkins");
    }

    @Test
    void unboundNameFallsBackToTheAgentsEnvironment() throws ClusterBenchException {
        assertThat(resolver.resolve(new SecretRef(SecretRef.Source.ENV, "LLM_KEY"))).isEqualTo("agent-key");
    }

    @Test
    void missingNameFailsNamingTheReferenceAndNoValue() {
        assertThatThrownBy(() -> resolver.resolve(new SecretRef(SecretRef.Source.ENV, "CHROMA_TOKEN")))
                .isInstanceOf(ClusterBenchException.class)
                .hasMessageContaining("CHROMA_TOKEN")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("from-jenkins", "from-agent", "agent-key"));
        assertThat(resolver.unavailableReason(new SecretRef(SecretRef.Source.ENV, "CHROMA_TOKEN"))).isPresent();
    }

    @Test
    void fileReferencesStillReadFiles(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "file-secret\n");
        assertThat(resolver.resolve(new SecretRef(SecretRef.Source.FILE, file.toString()))).isEqualTo("file-secret");
    }

    @Test
    void toStringNeverShowsValues() {
        assertThat(resolver.toString()).contains("1 bound").doesNotContain("from-jenkins", "REDIS_PASSWORD");
    }

    @Test
    void acceptsOnlyNamesASpecCanReference() {
        assertThat(BoundSecretResolver.nameProblem("BOX_KEY")).isEmpty();
        assertThat(BoundSecretResolver.nameProblem("_x1")).isEmpty();
        assertThat(BoundSecretResolver.nameProblem("1BAD")).isPresent();
        assertThat(BoundSecretResolver.nameProblem("has-dash")).isPresent();
        assertThat(BoundSecretResolver.nameProblem(" ")).isPresent();
        assertThat(BoundSecretResolver.nameProblem(null)).isPresent();
    }
}
