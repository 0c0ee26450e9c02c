package io.clusterbench.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A history read stops at its budget of runs and bytes, newest files first, and says what it left unread. */
class HistoryBudgetTest {

    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void readsTheNewestRunsUpToTheRunLimitAndSaysHowManyOlderOnesItLeft(@TempDir Path history) throws Exception {
        writeRuns(history, 8);

        History read = History.read(history, 5, History.MAX_TOTAL_BYTES);

        assertThat(read.runs()).extracting(RunResult::runId).containsExactly("run-3", "run-4", "run-5", "run-6",
                "run-7");
        assertThat(read.warnings()).containsExactly(history + ": read the newest 5 files (1 MiB) and left 3 older"
                + " ones unread: a history read takes at most 5 runs and 128 MiB, newest first by file time;"
                + " baselines come from the newest runs, so move older runs out of the folder (or name a folder of"
                + " the runs that matter) to silence this");
    }

    @Test
    void stopsBeforeTheFileThatWouldPassTheByteLimit(@TempDir Path history) throws Exception {
        List<Path> files = writeRuns(history, 6);
        long size = Files.size(files.get(5));

        History read = History.read(history, 1000, 3 * size + size / 2);

        assertThat(read.runs()).extracting(RunResult::runId).containsExactly("run-3", "run-4", "run-5");
        assertThat(read.warnings()).singleElement().asString().contains("read the newest 3 files",
                "left 3 older ones unread", "at most 1000 runs");
    }

    @Test
    void skipsAFileOverTheSizeLimitWithoutSpendingTheBudgetOnIt(@TempDir Path history) throws Exception {
        writeRuns(history, 3);
        Path huge = history.resolve("huge").resolve(ResultFiles.RESULT_JSON);
        Files.createDirectories(huge.getParent());
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3_000_000_000L); // sparse: no disk used
        }
        Files.setLastModifiedTime(huge, FileTime.from(START.plusSeconds(86_400)));

        History read = History.read(history, 1000, 1024 * 1024);

        assertThat(read.runs()).hasSize(3);
        assertThat(read.warnings()).singleElement().asString().startsWith(huge + ": ").contains("skipped")
                .doesNotContain("unread");
    }

    @Test
    void takesTheNewestByFileTimeNotByFolderName(@TempDir Path history) throws Exception {
        List<Path> files = writeRuns(history, 4);
        // The oldest run's file was touched last (rescored, copied): it counts as the newest.
        Files.setLastModifiedTime(files.get(0), FileTime.from(START.plusSeconds(3600)));

        History read = History.read(history, 2, History.MAX_TOTAL_BYTES);

        assertThat(read.runs()).extracting(RunResult::runId).containsExactly("run-0", "run-3");
    }

    @Test
    void readsEveryRunWithoutAWarningWithinTheBudgetAndNeverCountsSummaries(@TempDir Path history)
            throws Exception {
        List<Path> files = writeRuns(history, 5);
        for (Path file : files) {
            Files.writeString(file.resolveSibling("run-summary.json"), "{\"summaryVersion\":1}");
        }

        History read = History.read(history, 5, History.MAX_TOTAL_BYTES);

        assertThat(read.runs()).hasSize(5);
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void statesTheDefaultBudget() {
        assertThat(History.MAX_RUNS).isEqualTo(1000);
        assertThat(History.MAX_TOTAL_BYTES).isEqualTo(128L * 1024 * 1024).isEqualTo(2 * ResultFiles.maxBytes());
    }

    /** Runs run-0 .. run-(count - 1), each in its own folder, file times one minute apart in run order. */
    static List<Path> writeRuns(Path history, int count) throws Exception {
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant start = START.plusSeconds(60L * i);
            RunResult run = new RunResult(RunResult.SCHEMA_VERSION, "run-" + i, "c", "cluster.yaml", "0".repeat(64),
                    new ToolInfo("clusterbench", "dev", "17", "h", "Linux"), start, start.plusSeconds(10), List.of(),
                    List.of(new ProbeMeasurement("cache", "redis", "redis://127.0.0.1:6379", ProbeStatus.OK, start,
                            start.plusSeconds(10), List.of(MetricValue.of("get.p99_ms", 1 + i, "ms")), List.of(),
                            List.of())));
            // Folder names that sort against time, so that only the file times can give the order.
            Path file = history.resolve("f" + (count - i)).resolve(ResultFiles.RESULT_JSON);
            ResultFiles.write(run, file);
            Files.setLastModifiedTime(file, FileTime.from(start));
            files.add(file);
        }
        return files;
    }
}
