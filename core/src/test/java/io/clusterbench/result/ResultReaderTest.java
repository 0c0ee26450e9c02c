package io.clusterbench.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The result.json reader refuses what issue 11 found accepted (null metric values, schema versions 0, -1, 1.5,
 * trailing garbage) and what it found hanging or exhausting memory (FIFOs, devices, huge files, deep nesting),
 * each with the input exit code's kind and a message that quotes nothing of the file.
 */
class ResultReaderTest {

    private static final String GOOD = ResultFiles.toJson(ResultFilesTest.sampleResult());

    @Test
    void refusesANullMetricValueInsteadOfReadingItAsZero(@TempDir Path dir) throws Exception {
        Path file = write(dir, GOOD.replace("\"value\" : 1048576.0", "\"value\" : null"));

        assertThat(refusal(file)).isEqualTo(file + ":31:17: not a valid result.json: null at"
                + " probes[0].metrics[1].value where a number or flag is required (leave out a metric that was not"
                + " measured; never write null)");
    }

    @Test
    void refusesAMetricWithoutAValue(@TempDir Path dir) throws Exception {
        Path file = write(dir, GOOD.replace("\"value\" : 1048576.0,", ""));

        assertThat(refusal(file)).contains("a required field is missing at probes[0].metrics[1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.5", "1.0", "\"1\"", "null", "99999999999999999999"})
    void refusesEverySchemaVersionButTheSupportedInteger(String version, @TempDir Path dir) throws Exception {
        Path file = write(dir, GOOD.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : " + version));

        assertThat(refusal(file)).isEqualTo(file + ":2:21: not a valid result.json: schemaVersion must be the whole"
                + " number 1 (the one version this clusterbench reads); this file's is not");
    }

    @Test
    void refusesANewerSchemaVersionWithAdvice(@TempDir Path dir) throws Exception {
        Path file = write(dir, GOOD.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"));

        assertThat(refusal(file)).contains("schemaVersion 2 was written by a newer clusterbench")
                .contains("upgrade clusterbench");
    }

    @Test
    void refusesTrailingGarbageAfterTheObject(@TempDir Path dir) throws Exception {
        Path file = write(dir, GOOD + "\n{\"runId\": \"second\"} trailing secret-words");

        assertThat(refusal(file)).endsWith("not a valid result.json: unexpected content after the end of the JSON"
                + " object; a result.json is one object").doesNotContain("secret-words");
    }

    @Test
    void refusesNestingBeyondTheLimit(@TempDir Path dir) throws Exception {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        Path file = write(dir, GOOD.replace("\"insecureHosts\" : [ \"clu\" ]", "\"insecureHosts\" : " + deep));

        assertThat(refusal(file)).contains("nested deeper than 64 levels of objects and arrays");
    }

    @Test
    void neverQuotesTheFileItRefuses(@TempDir Path dir) throws Exception {
        Path passwd = write(dir, "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
        Path badKind = write(dir.resolve("k"), GOOD.replace("\"kind\" : \"timeout\"", "\"kind\" : \"hunter2\""));
        Path badLabel = write(dir.resolve("l"), GOOD.replace("\"role\" : \"master\"", "\"hunter2\" : {}"));

        assertThat(refusal(passwd)).isEqualTo(passwd + ":1:1: not a valid result.json: not well-formed JSON here (a missing"
                + " quote, comma or bracket, or a stray character)");
        assertThat(refusal(passwd.resolveSibling("k/result.json"))).doesNotContain("hunter2")
                .contains("probes[0].errors[0].kind");
        assertThat(refusal(passwd.resolveSibling("l/result.json"))).doesNotContain("hunter2")
                .contains("probes[0].metrics[1].labels.?");
    }

    @Test
    @Timeout(10)
    void refusesAFifoADeviceAndAFolderWithoutReadingThem(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        assertThat(refusal(fifo)).endsWith("is not a regular file (a device, pipe or socket); refused without"
                + " reading it; not read as a result.json");
        assertThat(refusal(Path.of("/dev/zero"))).startsWith("/dev/zero: is not a regular file");
        assertThat(refusal(dir)).isEqualTo(dir + ": is a folder, not a file; not read as a result.json");
    }

    @Test
    @Timeout(10)
    void refusesAFileOverTheLimitBeforeReadingIt(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("result.json");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L * 1024 * 1024 * 1024);
        }

        assertThat(refusal(huge)).isEqualTo(huge + ": is 3221225472 bytes, more than the limit of 67108864 bytes;"
                + " refused without reading it; not read as a result.json");
    }

    @Test
    void stillReadsAGoodResult(@TempDir Path dir) throws Exception {
        assertThat(ResultFiles.read(write(dir, GOOD))).isEqualTo(ResultFilesTest.sampleResult());
    }

    private static Path write(Path dir, String text) throws Exception {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("result.json"), text);
    }

    private static String refusal(Path file) {
        ClusterBenchException[] caught = new ClusterBenchException[1];
        assertThatThrownBy(() -> ResultFiles.read(file))
                .isInstanceOfSatisfying(ClusterBenchException.class, e -> caught[0] = e);
        assertThat(caught[0].kind()).isEqualTo(Kind.INVALID_INPUT);
        return caught[0].getMessage();
    }
}
