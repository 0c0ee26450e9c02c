package io.clusterbench.tune;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.Evidence;
import io.clusterbench.result.EvidenceStep;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceLogTest {

    @Test
    void appendsEveryLineEvenWhileTheWritingThreadIsInterrupted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(EvidenceLog.FILE_NAME);
        Evidence applied = step(1, EvidenceStep.APPLIED);
        Evidence notStarted = step(2, EvidenceStep.NOT_STARTED);
        boolean stillInterrupted;
        try (EvidenceLog log = EvidenceLog.open(file)) {
            log.append(applied);
            // How Jenkins stops a step: a FileChannel would now close for good and lose the lines that say so.
            Thread.currentThread().interrupt();
            try {
                log.append(notStarted);
            } finally {
                stillInterrupted = Thread.interrupted();
            }
        }

        assertThat(stillInterrupted).as("the flag is left for the caller").isTrue();
        assertThat(EvidenceLog.read(file)).containsExactly(applied, notStarted);
    }

    @Test
    void appendsToTheLinesAnEarlierRunLeft(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(EvidenceLog.FILE_NAME);
        try (EvidenceLog log = EvidenceLog.open(file)) {
            log.append(step(1, EvidenceStep.APPLIED));
        }
        try (EvidenceLog log = EvidenceLog.open(file)) {
            log.append(step(2, EvidenceStep.ROLLED_BACK));
            assertThat(log.written()).extracting(e -> e.step().word()).containsExactly("rolled-back");
        }

        assertThat(EvidenceLog.read(file)).extracting(e -> e.step().word()).containsExactly("applied", "rolled-back");
    }

    private static Evidence step(int seq, EvidenceStep step) {
        return new Evidence("run-1", seq, Instant.parse("2025-01-01T00:00:00Z"), "cache-timeout", "redis-config",
                "redis://127.0.0.1:6379", step, Map.of("timeout", "0"), Map.of("timeout", "300"),
                Map.of("timeout", "300"), List.of(), 3, step + " for the test");
    }
}
