package io.clusterbench.spec;

import static io.clusterbench.spec.SpecFiles.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile or careless input to the spec reader (issue 11, "wrong on bad input"): deep nesting, booleans that are
 * not true or false, Redis parameters set twice in another case, URL ports out of range, weights that overflow,
 * and files that are not files. Each is refused with its place and a message, never a raw error.
 */
class BadSpecInputTest {

    static Stream<Arguments> badSpecs() {
        return Stream.of(
                arguments("bad-booleans.yaml", List.of(
                        "bad-booleans.yaml:4:23 settings.rollback: must be true or false, got yes",
                        "bad-booleans.yaml:8:60 objectives[0].key: must be true or false, got maybe",
                        "bad-booleans.yaml:12:26 tuning[0].set.activedefrag: must be true or false, got on")),
                arguments("redis-duplicate-case.yaml", List.of(
                        "redis-duplicate-case.yaml:6:24 tuning[0].set.TIMEOUT: duplicate parameter 'TIMEOUT': Redis reads names without regard to case, and 'timeout' (line 6) sets the same one",
                        "redis-duplicate-case.yaml:10:7 tuning[1].set.maxmemory-policy: duplicate parameter 'maxmemory-policy': Redis reads names without regard to case, and 'Maxmemory-Policy' (line 9) sets the same one")),
                arguments("bad-url-port.yaml", List.of(
                        "bad-url-port.yaml:3:29 services.llm.url: the port of the URL must be 1-65535, got 99999",
                        "bad-url-port.yaml:4:33 services.vectors.url: the port of the URL must be 1-65535, got 1000001",
                        "bad-url-port.yaml:5:26 services.lb.url: the port of the URL must be 1-65535, got 0")),
                arguments("huge-weight.yaml", List.of(
                        "huge-weight.yaml:7:63 objectives[0].weight: must be > 0 and <= 1000000, got 1e308",
                        "huge-weight.yaml:8:63 objectives[1].weight: must be > 0 and <= 1000000, got 1e308",
                        "huge-weight.yaml:9:63 objectives[2].weight: must be a finite number, got .inf")),
                arguments("deep-nesting.yaml", List.of(
                        "deep-nesting.yaml:2:71: nested deeper than 64 levels of mappings and lists; refused (a spec needs about six)")),
                arguments("deep-nesting-block.yaml", List.of(
                        "deep-nesting-block.yaml:66:129: nested deeper than 64 levels of mappings and lists; refused (a spec needs about six)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void refusesWithLineColumnAndPath(String file, List<String> expected) {
        assertThat(problemsOf(file)).containsExactlyElementsOf(expected);
    }

    @Test
    void refusesNestingOfThousandsOfLevelsWithoutAStackOverflow() {
        String text = "cluster: deep\nhosts: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n";

        assertThatThrownBy(() -> SpecFiles.loadText("deep.yaml", text, java.util.Map.of()))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("nested deeper than 64 levels");
    }

    @Test
    void readsTheBooleanWordsItAccepts() throws SpecException {
        LoadedSpec spec = SpecFiles.loadText("flags.yaml", """
                cluster: flags
                settings: { rollback: !!bool false }
                """, java.util.Map.of());

        assertThat(spec.spec().settings().rollback()).isFalse();
    }

    @Test
    @Timeout(10)
    void refusesAFifoWithoutOpeningIt(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("spec.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        assertThat(fileProblem(fifo)).isEqualTo(fifo + ": cannot read the spec: is not a regular file (a device,"
                + " pipe or socket); refused without reading it");
    }

    @Test
    @Timeout(10)
    void refusesADeviceWithoutReadingIt() {
        assertThat(fileProblem(Path.of("/dev/zero"))).isEqualTo("/dev/zero: cannot read the spec: is not a regular"
                + " file (a device, pipe or socket); refused without reading it");
    }

    @Test
    void refusesAFolder(@TempDir Path dir) {
        assertThat(fileProblem(dir)).isEqualTo(dir + ": cannot read the spec: is a folder, not a file");
    }

    @Test
    @Timeout(10)
    void refusesAFileOverTheLimitBeforeReadingIt(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("huge.yaml");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L * 1024 * 1024 * 1024); // sparse: 3 GB that take no disk and, unread, no memory
        }

        assertThat(fileProblem(huge)).isEqualTo(huge + ": cannot read the spec: is 3221225472 bytes, more than the"
                + " limit of 4194304 bytes; refused without reading it");
    }

    @Test
    void refusesAMissingFile(@TempDir Path dir) {
        assertThat(fileProblem(dir.resolve("nope.yaml"))).endsWith("nope.yaml: cannot read the spec: no such file");
    }

    @Test
    void namesButNeverQuotesAFileThatIsNoSpecAtAll(@TempDir Path dir) throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"),
                "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");

        String problem = fileProblem(passwd);

        assertThat(problem).isEqualTo(passwd + ":1:1: the spec must be a mapping (cluster:, hosts:, services:, ...)"
                + " at the top, got text or a single value; is this file a cluster spec?");
        assertThat(problem).doesNotContain("root").doesNotContain("bash");
    }

    @Test
    void writesControlCharactersOfAQuotedValueAsEscapes() {
        assertThatThrownBy(() -> SpecFiles.loadText("esc.yaml", "cluster: \"a\\e]0;pwned\\u0007b\"\n",
                java.util.Map.of()))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("a\\u001b]0;pwned\\u0007b")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b"));
    }

    private static String fileProblem(Path file) {
        long started = System.nanoTime();
        SpecException[] caught = new SpecException[1];
        assertThatThrownBy(() -> SpecLoader.load(file, SpecFiles.NO_ENVIRONMENT))
                .isInstanceOfSatisfying(SpecException.class, e -> caught[0] = e);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(caught[0].problems()).hasSize(1);
        return caught[0].problems().get(0).format();
    }
}
