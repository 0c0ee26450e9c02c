package io.clusterbench.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SpecLoaderTest {

    private static final Map<String, String> ENV = Map.of("SARK_KEY_PASS", "a", "CLU_PASSWORD", "b",
            "REDIS_PASSWORD", "c", "LLM_KEY", "d", "CHROMA_TOKEN", "e");

    private static ClusterSpec full() throws Exception {
        Path file = SpecFiles.docs().resolve("examples/full.yaml");
        LoadedSpec loaded = SpecLoader.load(file, new DefaultSecretResolver(ENV::get));
        assertThat(loaded.warnings()).isEmpty();
        return loaded.spec();
    }

    @Test
    void loadsTheFullExampleHostsAndServices() throws Exception {
        ClusterSpec spec = full();
        String file = SpecFiles.docs().resolve("examples/full.yaml").toString();

        assertThat(spec.name()).isEqualTo("memory-system");
        assertThat(spec.hosts().get("sark")).isEqualTo(new HostSpec("sark", "10.0.0.69", 22, "ops",
                new HostAuth.KeyFile(Path.of("~/.ssh/id_ed25519"), Optional.of(SecretRef.env("SARK_KEY_PASS"))),
                new HostKeyPolicy.Pinned("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"),
                Duration.ofSeconds(10), Duration.ofSeconds(60), new SpecLocation(file, 6, 3)));
        assertThat(spec.hosts().get("clu").auth()).isEqualTo(new HostAuth.Password(SecretRef.env("CLU_PASSWORD")));
        assertThat(spec.hosts().get("clu").hostKey()).isEqualTo(new HostKeyPolicy.KnownHosts(Path.of("~/.ssh/known_hosts")));
        assertThat(spec.services().keySet()).containsExactly("cache", "llm", "vectors", "lb", "metrics");
        assertThat(spec.services().get("cache")).isEqualTo(new ServiceSpec("cache", ServiceType.REDIS,
                Optional.of("clu"), Optional.empty(), OptionalInt.of(6379), Optional.empty(), Optional.empty(),
                Optional.of(SecretRef.env("REDIS_PASSWORD")), Map.of(), new SpecLocation(file, 22, 3)));
        ServiceSpec llm = spec.services().get("llm");
        assertThat(llm.url()).contains(URI.create("http://10.0.0.69:8000"));
        assertThat(llm.option("model")).contains("my-model");
        assertThat(llm.secret()).contains(SecretRef.env("LLM_KEY"));
        assertThat(spec.services().get("vectors").options()).isEqualTo(Map.of("collection", "memories"));
        assertThat(spec.services().get("metrics").port()).isEmpty();
    }

    @Test
    void loadsTheFullExampleProbesWithInferredKinds() throws Exception {
        Map<String, ProbeSpec> probes = full().probes();

        assertThat(probes.values()).extracting(ProbeSpec::kind).containsExactly(ProbeKind.REDIS, ProbeKind.HTTP,
                ProbeKind.OPENAI, ProbeKind.CHROMA, ProbeKind.PROMQL, ProbeKind.HOST, ProbeKind.GPU);
        Parameters cache = probes.get("cache-latency").parameters();
        assertThat(cache.longValue("clients", 1)).isEqualTo(50);
        assertThat(cache.stringList("commands")).containsExactly("get", "set");
        assertThat(probes.get("lb-latency").parameters().duration("duration", Duration.ZERO)).hasSeconds(10);
        assertThat(probes.get("lb-latency").parameters().doubleValue("rate", 0)).isEqualTo(200.0);
        assertThat(probes.get("gpu-metrics").parameters().optionalString("query")).contains("avg(DCGM_FI_DEV_GPU_UTIL)");
        assertThat(probes.get("memory").hosts()).containsExactly("sark", "clu");
        assertThat(probes.get("memory").service()).isEmpty();
        assertThat(probes.get("gpu").hosts()).containsExactly("sark");
        assertThat(probes.get("llm-serving").service()).contains("llm");
    }

    @Test
    void loadsTheFullExampleTuningObjectivesThresholdsAndTrend() throws Exception {
        ClusterSpec spec = full();

        assertThat(spec.tuning()).extracting(ActionSpec::id).containsExactly("redis-config:cache", "ssh-command:sark",
                "restart:lb", "vllm-gpu-memory:llm");
        assertThat(spec.tuning().get(0).parameters().stringMap("set"))
                .containsExactly(Map.entry("timeout", "300"), Map.entry("tcp-keepalive", "300"));
        assertThat(spec.tuning().get(1).parameters().stringList("run"))
                .containsExactly("sysctl", "-w", "net.core.somaxconn=4096");
        assertThat(spec.tuning().get(2).parameters().optionalString("container")).contains("python-load-balancer");
        assertThat(spec.tuning().get(3).parameters().doubleValue("want", 0)).isEqualTo(0.9);
        ObjectiveSpec first = spec.objectives().get(0);
        assertThat(first.pass()).isEqualTo(new Criterion(Comparison.LESS_OR_EQUAL, 2, CriterionMode.ABSOLUTE, "<= 2"));
        assertThat(first.warning()).contains(new Criterion(Comparison.LESS_OR_EQUAL, 5, CriterionMode.ABSOLUTE, "<= 5"));
        assertThat(first.weight()).isEqualTo(2.0);
        assertThat(spec.objectives().get(1).key()).isTrue();
        assertThat(spec.objectives().get(2).pass().mode()).isEqualTo(CriterionMode.RELATIVE_PERCENT);
        assertThat(spec.objectives().get(2).noData()).isEqualTo(NoDataPolicy.INCONCLUSIVE);
        assertThat(spec.score()).isEqualTo(new ScoreThresholds(90, 75));
        assertThat(spec.settings()).isEqualTo(new RunSettings(true, 4));
        assertThat(spec.trend().metrics()).containsExactly("cache-latency.ops_per_s", "llm-serving.ttft_p95_ms",
                "gpu-metrics.value", "memory.sark.used_pct");
    }

    @Test
    void documentsTheFullExampleVerbatimInSpecMd() throws IOException {
        String example = Files.readString(SpecFiles.docs().resolve("examples/full.yaml"));
        String doc = Files.readString(SpecFiles.docs().resolve("spec.md"));

        assertThat(doc).contains("```yaml\n" + example + "```");
    }

    /** Every spec example in docs/examples (the folder also holds Jenkinsfiles and a freestyle job's XML). */
    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(SpecFiles.docs().resolve("examples"))) {
            return files.filter(file -> file.getFileName().toString().matches(".*\\.(yaml|yml|json)"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void loadsEveryExampleWithoutErrors(Path example) throws Exception {
        assertThat(SpecLoader.load(example, SpecFiles.NO_ENVIRONMENT).spec().name()).isNotBlank();
    }

    @Test
    void appliesDefaults() throws Exception {
        ClusterSpec spec = SpecFiles.loadText("d.yaml", """
                cluster: defaults
                hosts:
                  h: { address: h.example, user: u, keyFile: id, knownHosts: /etc/ssh/known }
                services:
                  cache: { type: redis, host: h }
                score: { pass: 60 }
                """, Map.of()).spec();

        HostSpec host = spec.hosts().get("h");
        assertThat(host.port()).isEqualTo(22);
        assertThat(host.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(host.commandTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(host.auth()).isEqualTo(new HostAuth.KeyFile(Path.of("/specs/id"), Optional.empty()));
        assertThat(spec.services().get("cache").port()).isEqualTo(OptionalInt.of(6379));
        assertThat(spec.score()).isEqualTo(new ScoreThresholds(60, 60));
        assertThat(spec.settings()).isEqualTo(RunSettings.DEFAULT);
        assertThat(spec.probes()).isEmpty();
        assertThat(spec.tuning()).isEmpty();
    }

    @Test
    void warnsAboutAnInsecureHostKeyPolicyButLoads() throws Exception {
        LoadedSpec loaded = SpecFiles.loadText("i.yaml", """
                cluster: lab
                hosts:
                  h: { address: 127.0.0.1, user: u, keyFile: id, insecureAcceptAnyHostKey: true }
                """, Map.of());

        assertThat(loaded.spec().hosts().get("h").hostKey()).isEqualTo(new HostKeyPolicy.InsecureAcceptAny());
        assertThat(loaded.warnings()).singleElement().asString().startsWith(
                "i.yaml:3:76 hosts.h.insecureAcceptAnyHostKey: accepts any host key, so a machine in the middle");
    }

    @Test
    void warnsAboutSecretsThatCannotBeReadYet() throws Exception {
        LoadedSpec loaded = SpecFiles.loadText("s.yaml", """
                cluster: lab
                services:
                  cache: { type: redis, address: 127.0.0.1, password: "${env:NOT_SET_ANYWHERE}" }
                  llm: { type: openai, url: "http://127.0.0.1:1", apiKey: "${file:missing/key.txt}" }
                """, Map.of());

        assertThat(loaded.warnings()).extracting(SpecProblem::format).containsExactly(
                "s.yaml:3:55 services.cache.password: secret ${env:NOT_SET_ANYWHERE}: environment variable"
                        + " NOT_SET_ANYWHERE is not set (it is read again when used)",
                "s.yaml:4:59 services.llm.apiKey: secret ${file:/specs/missing/key.txt}: no such file"
                        + " (it is read again when used)");
    }

    @Test
    void keepsFileOrderInUnmodifiableMaps() throws Exception {
        ClusterSpec spec = full();

        assertThat(spec.hosts().keySet()).containsExactly("sark", "clu");
        assertThatThrownBy(() -> spec.hosts().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> spec.tuning().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void namesTheFileAsGivenAndHashesItsBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.yaml");
        byte[] bytes = "cluster: hashed\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        Path relative = Path.of("").toAbsolutePath().relativize(file);

        LoadedSpec loaded = SpecLoader.load(relative);

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(loaded.sha256()).isEqualTo(expected);
        Files.writeString(file, "cluster: [x]\n");
        assertThatThrownBy(() -> SpecLoader.load(relative)).hasMessage(relative + ":1:10 cluster: must be text, got a list");
    }

    @Test
    void reportsAMissingFileWithoutAPosition(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> SpecLoader.load(missing)).isInstanceOf(SpecException.class)
                .hasMessage(missing + ": cannot read the spec: no such file");
    }

    @Test
    void reportsAnEmptySpec() {
        assertThatThrownBy(() -> SpecFiles.loadText("e.yaml", "# nothing yet\n", Map.of()))
                .hasMessage("e.yaml:1:1: the spec is empty; it needs at least cluster: NAME");
    }

    @Test
    void refusesASecondDocument() {
        assertThatThrownBy(() -> SpecFiles.loadText("m.yaml", "cluster: a\n---\ncluster: b\n", Map.of()))
                .hasMessage("m.yaml:2:1: a spec is one YAML document; remove this second one (starting with ---)"
                        + " or split the file");
    }

    @Test
    void survivesRecursiveAliases() {
        String text = "cluster: r\nhosts: &h\n  sark: *h\nobjectives: &o [ *o ]\n";

        assertThatThrownBy(() -> SpecFiles.loadText("r.yaml", text, Map.of())).isInstanceOf(SpecException.class)
                .hasMessageContaining("r.yaml:3:3 hosts.sark.sark: unknown key 'sark'")
                .hasMessageContaining("r.yaml:4:13 objectives[0]: must be a mapping (key: value), got a list");
    }

    @Test
    void writesRedisBooleansAsYesOrNo() throws Exception {
        ClusterSpec spec = SpecFiles.loadText("r.yaml", """
                cluster: r
                services: { cache: { type: redis, address: 127.0.0.1 } }
                tuning:
                  - { redis-config: cache, set: { activedefrag: true, lazyfree-lazy-eviction: no, hz: 1000 } }
                """, Map.of()).spec();

        assertThat(spec.tuning().get(0).parameters().stringMap("set")).containsExactly(
                Map.entry("activedefrag", "yes"), Map.entry("lazyfree-lazy-eviction", "no"), Map.entry("hz", "1000"));
    }

    @Test
    void numbersRepeatedUnnamedActionsAndKeepsExplicitIds() throws Exception {
        List<ActionSpec> tuning = SpecFiles.loadText("t.yaml", """
                cluster: t
                hosts: { h: { address: 127.0.0.1, user: u, keyFile: id, knownHosts: kh } }
                tuning:
                  - { ssh-command: h, run: [true] }
                  - { ssh-command: h, run: ["true"] }
                  - { id: third, ssh-command: h, run: ["true"] }
                """.replace("[true]", "[\"true\"]"), Map.of()).spec().tuning();

        assertThat(tuning).extracting(ActionSpec::id).containsExactly("ssh-command:h", "ssh-command:h#2", "third");
    }

    @Test
    void readsOptionalOnAnyActionAndRefusesANonBoolean() throws Exception {
        String spec = """
                cluster: c
                services:
                  cache: { type: redis, address: 127.0.0.1, port: 6379 }
                tuning:
                  - { id: a, redis-config: cache, set: { timeout: 1 }, optional: true }
                  - { id: b, redis-config: cache, set: { timeout: 2 } }
                """;

        LoadedSpec loaded = SpecLoader.load("cluster.yaml", spec);

        assertThat(loaded.spec().tuning()).extracting(ActionSpec::optional).containsExactly(true, false);
        assertThatThrownBy(() -> SpecLoader.load("cluster.yaml", spec.replace("optional: true", "optional: maybe")))
                .isInstanceOf(SpecException.class).hasMessageContaining("tuning[0].optional");
    }
}
