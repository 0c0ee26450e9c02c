package io.clusterbench.score;

import io.clusterbench.result.History;
import static io.clusterbench.score.ScoreFixtures.probe;
import static io.clusterbench.score.ScoreFixtures.run;
import static io.clusterbench.score.ScoreFixtures.scored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a folder of earlier result.json files. */
class HistoryTest {

    @TempDir
    Path folder;

    @Test
    void readsResultFilesSortedByStartTimeSkippingOtherFilesAndWarningOfBrokenOnes() throws Exception {
        ResultFiles.write(scored(run("late", 30, probe("p", "x", 3, "ms")), Verdict.PASS),
                folder.resolve("build-1/result.json"));
        ResultFiles.write(run("early", 10, probe("p", "x", 1, "ms")), folder.resolve("build-2/result.json"));
        ResultFiles.write(run("middle", 20, probe("p", "x", 2, "ms")), folder.resolve("middle.json"));
        ResultFiles.write(run("early", 10, probe("p", "x", 1, "ms")), folder.resolve("copy/result.json"));
        Files.writeString(folder.resolve("notes.txt"), "not a result");
        Files.writeString(folder.resolve("trend.json"), "{\"points\": []}");
        Files.writeString(folder.resolve("broken.json"), "{\"runId\": ");
        Files.writeString(folder.resolve("future.json"), "{\"schemaVersion\": 99, \"runId\": \"f\"}");

        History history = History.read(folder);

        assertThat(history.runs()).extracting(RunResult::runId).containsExactly("early", "middle", "late");
        assertThat(history.runs().get(2).score().verdict()).isEqualTo(Verdict.PASS);
        assertThat(history.warnings()).hasSize(3);
        assertThat(history.warnings()).anySatisfy(w -> assertThat(w).startsWith(folder.resolve("broken.json")
                + ": unreadable: ").endsWith("; skipped"));
        assertThat(history.warnings()).anySatisfy(w -> assertThat(w).contains("schemaVersion 99"));
        assertThat(history.warnings()).anySatisfy(w -> assertThat(w).contains("run early is also in").contains("which is kept"));
    }

    @Test
    void readsAnEmptyFolderAsNoHistory() throws Exception {
        History history = History.read(folder);

        assertThat(history.runs()).isEmpty();
        assertThat(history.warnings()).isEmpty();
    }

    @Test
    void refusesAMissingFolderAsInvalidInput() {
        Path missing = folder.resolve("nope");

        assertThatThrownBy(() -> History.read(missing)).isInstanceOfSatisfying(ClusterBenchException.class, e -> {
            assertThat(e.kind()).isEqualTo(ClusterBenchException.Kind.INVALID_INPUT);
            assertThat(e.getMessage()).startsWith(missing + ": the history folder does not exist");
        });
    }
}
