package io.clusterbench.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.ClusterBenchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {

    private static final Map<String, String> VALUES = Map.of(
            "SARK_KEY_PASS", "value-of-sark-passphrase-7Q1",
            "CLU_PASSWORD", "value-of-clu-password-8W2",
            "REDIS_PASSWORD", "value-of-redis-password-9E3",
            "LLM_KEY", "value-of-llm-key-0R4",
            "CHROMA_TOKEN", "value-of-chroma-token-1T5");

    @Test
    void parsesEnvironmentAndFileReferences() {
        assertThat(SecretRef.parse("${env:REDIS_PASSWORD}")).contains(SecretRef.env("REDIS_PASSWORD"));
        assertThat(SecretRef.parse("${file:secrets/a.pem}")).contains(SecretRef.file("secrets/a.pem"));
        assertThat(SecretRef.env("_A1")).hasToString("${env:_A1}");
        assertThat(SecretRef.file("/x/y")).hasToString("${file:/x/y}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"${env:1A}", "${env:}", "${env:A-B}", "${file:}", "${file: }", "${vault:x}", "$env:X",
        "${env:X} ", "x${env:X}"})
    void refusesMalformedReferences(String text) {
        assertThat(SecretRef.parse(text)).isEmpty();
    }

    @Test
    void resolvesEnvironmentVariablesThroughTheLookup() throws ClusterBenchException {
        SecretResolver resolver = new DefaultSecretResolver(VALUES::get);

        assertThat(resolver.resolve(SecretRef.env("LLM_KEY"))).isEqualTo("value-of-llm-key-0R4");
    }

    @Test
    void readsSecretFilesWithoutTheTrailingLineBreak(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pw.txt");
        Files.writeString(file, "line one\nline two\r\n\n");

        assertThat(SecretResolver.system().resolve(SecretRef.file(file.toString()))).isEqualTo("line one\nline two");
    }

    @Test
    void namesTheReferenceWhenASecretIsMissing(@TempDir Path dir) {
        SecretResolver resolver = new DefaultSecretResolver(name -> null);

        assertThatThrownBy(() -> resolver.resolve(SecretRef.env("MISSING")))
                .isInstanceOfSatisfying(ClusterBenchException.class,
                        e -> assertThat(e.kind()).isEqualTo(ClusterBenchException.Kind.ENVIRONMENT))
                .hasMessage("secret ${env:MISSING}: environment variable MISSING is not set");
        assertThatThrownBy(() -> resolver.resolve(SecretRef.file(dir.resolve("no.txt").toString())))
                .hasMessage("secret ${file:" + dir.resolve("no.txt") + "}: no such file");
    }

    @Test
    void resolvesRelativeSecretFilesAgainstTheSpecFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("redis.pw"), "from-file");
        LoadedSpec loaded = SpecLoader.load("c.yaml", """
                cluster: c
                services: { cache: { type: redis, address: 127.0.0.1, password: "${file:redis.pw}" } }
                """, dir, SecretResolver.system());

        SecretRef ref = loaded.spec().services().get("cache").secret().orElseThrow();
        assertThat(ref).isEqualTo(SecretRef.file(dir.resolve("redis.pw").toString()));
        assertThat(loaded.warnings()).isEmpty();
        assertThat(SecretResolver.system().resolve(ref)).isEqualTo("from-file");
    }

    @Test
    void expandsHomeOnlyWhenAPathIsUsed() {
        assertThat(SpecPaths.resolve(Path.of("/specs"), "~/.ssh/id")).isEqualTo(Path.of("~/.ssh/id"));
        assertThat(SpecPaths.resolve(Path.of("/specs"), "keys/id")).isEqualTo(Path.of("/specs/keys/id"));
        assertThat(SpecPaths.expandHome(Path.of("~/.ssh/id")))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".ssh/id"));
        assertThat(SpecPaths.expandHome(Path.of("/abs/~x"))).isEqualTo(Path.of("/abs/~x"));
    }

    @Test
    void neverPrintsAResolvedSecretInRecordsOrWarnings() throws Exception {
        SecretResolver resolver = new DefaultSecretResolver(VALUES::get);
        LoadedSpec loaded = SpecLoader.load(SpecFiles.docs().resolve("examples/full.yaml"), resolver);
        ClusterSpec spec = loaded.spec();

        List<SecretRef> refs = new ArrayList<>();
        for (HostSpec host : spec.hosts().values()) {
            if (host.auth() instanceof HostAuth.KeyFile keyFile) {
                keyFile.passphrase().ifPresent(refs::add);
            } else if (host.auth() instanceof HostAuth.Password password) {
                refs.add(password.password());
            }
        }
        spec.services().values().forEach(s -> s.secret().ifPresent(refs::add));
        List<String> resolved = new ArrayList<>();
        for (SecretRef ref : refs) {
            resolved.add(resolver.resolve(ref));
        }
        assertThat(resolved).containsExactlyInAnyOrderElementsOf(VALUES.values());

        List<String> printed = new ArrayList<>(List.of(loaded.toString(), spec.toString()));
        spec.hosts().values().forEach(h -> printed.add(h.toString() + h.auth()));
        spec.services().values().forEach(s -> printed.add(s.toString()));
        loaded.warnings().forEach(w -> printed.add(w.format()));
        assertThat(printed).allSatisfy(text -> assertThat(text).doesNotContain(VALUES.values()));
        assertThat(printed.get(1)).contains("${env:REDIS_PASSWORD}");
    }

    @Test
    void neverPrintsAResolvedSecretInErrors() {
        assertThatThrownBy(() -> SpecFiles.loadText("x.yaml", """
                cluster: x
                hosts:
                  h: { address: 127.0.0.1, user: u, password: "${env:CLU_PASSWORD}", passphrase: "${env:LLM_KEY}" }
                services: { cache: { type: redis, address: 127.0.0.1, password: "${env:REDIS_PASSWORD}", port: 0 } }
                """, VALUES))
                .isInstanceOf(SpecException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(VALUES.values())
                        .contains("passphrase goes with keyFile or key, not with password"));
    }

    @Test
    void printsReferencesInHostAuthRecords() {
        HostAuth auth = new HostAuth.KeyText(SecretRef.env("K"), Optional.of(SecretRef.file("/p")));

        assertThat(auth).hasToString("KeyText[key=${env:K}, passphrase=Optional[${file:/p}]]");
    }
}
