package io.clusterbench.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.result.Evidence;
import io.clusterbench.result.EvidenceStep;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceFileTest {

    @Test
    void skipsALineAKillCutShortAndALaterAppendStartsOnALineOfItsOwn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("evidence.jsonl");
        append(file, 1);
        String whole = Files.readString(file);
        // What a kill in the middle of a write leaves: the start of a line, no newline.
        Files.writeString(file, whole + whole.substring(0, whole.length() / 2));

        assertThat(EvidenceFile.read(file).lines()).hasSize(1);
        assertThat(EvidenceFile.read(file).cutShort()).isEqualTo(1);

        append(file, 3);
        EvidenceFile read = EvidenceFile.read(file);
        assertThat(read.lines()).extracting(Evidence::seq).containsExactly(1, 3);
        assertThat(read.cutShort()).isEqualTo(1);
    }

    @Test
    void refusesALineThatIsNotEvidenceWithoutEchoingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("evidence.jsonl");
        append(file, 1);
        Files.writeString(file, "root:x:0:0:secret-looking\n", java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> EvidenceFile.read(file)).isInstanceOf(ClusterBenchException.class)
                .hasMessageContaining("line 2 is not an evidence line").hasMessageNotContaining("secret-looking")
                .satisfies(e -> assertThat(((ClusterBenchException) e).kind())
                        .isEqualTo(ClusterBenchException.Kind.INVALID_INPUT));
    }

    @Test
    void refusesAFolderAndAMissingFile(@TempDir Path dir) {
        assertThatThrownBy(() -> EvidenceFile.read(dir)).hasMessageContaining("is not a regular file");
        assertThatThrownBy(() -> EvidenceFile.read(dir.resolve("none.jsonl"))).hasMessageContaining("does not exist");
    }

    @Test
    void readsALineCutInsideAMultiByteCharacterAsCutShort(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("evidence.jsonl");
        append(file, 1);
        byte[] line = "{\"message\":\"µ".getBytes(StandardCharsets.UTF_8);
        Files.write(file, java.util.Arrays.copyOf(line, line.length - 1), java.nio.file.StandardOpenOption.APPEND);

        assertThat(EvidenceFile.read(file).cutShort()).isEqualTo(1);
    }

    private static void append(Path file, int seq) throws Exception {
        try (EvidenceLog log = EvidenceLog.open(file)) {
            log.append(new Evidence("run", seq, Instant.EPOCH, "cache", "redis-config", "redis://127.0.0.1:1",
                    EvidenceStep.APPLYING, Map.of("timeout", "0"), Map.of("timeout", "300"), Map.of(), List.of(), 0,
                    "changing"));
        }
    }
}
