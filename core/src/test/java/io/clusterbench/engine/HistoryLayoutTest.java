package io.clusterbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.GatePolicy;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.score.Baseline;
import io.clusterbench.result.History;
import io.clusterbench.spec.BaselineSettings;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.testkit.GateCases;
import io.clusterbench.result.TrendData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A history filled with cp -r of whole run folders reads like one made with the history command. */
class HistoryLayoutTest {
    private final ClusterBench engine = ClusterBench.standard();

    @Test
    void cpOfThreeRunFoldersGivesTheSameRunsAndBaselinesAsTheHistoryCommand(@TempDir Path dir) throws Exception {
        GateCases.Case row = GateCases.all().get(0);
        Path spec = row.writeSpec(dir);
        LoadedSpec loaded = engine.load(spec);
        Path copied = dir.resolve("copied");
        Path added = dir.resolve("added");
        for (int i = 0; i < 3; i++) {
            Path runDir = runFolder(dir.resolve("runs"), i, loaded, spec);
            copyTree(runDir, copied.resolve("run-" + i));
            engine.addToHistory(runDir, added);
        }

        History fromCopies = engine.readHistory(copied);
        History fromCommand = engine.readHistory(added);

        assertThat(fromCopies.runs()).hasSize(3);
        assertThat(fromCopies.warnings()).isEmpty();
        assertThat(ids(fromCopies)).isEqualTo(ids(fromCommand));
        assertThat(fromCopies.runs()).allMatch(run -> run.score() != null && run.gate() != null);
        RunResult next = fromCommand.runs().get(2);
        Baseline viaCopies = Baseline.select(BaselineSettings.DEFAULT, next, fromCopies);
        Baseline viaCommand = Baseline.select(BaselineSettings.DEFAULT, next, fromCommand);
        assertThat(viaCopies.runs()).extracting(RunResult::runId)
                .containsExactlyElementsOf(viaCommand.runs().stream().map(RunResult::runId).toList())
                .hasSize(2);
        TrendData trendOfCopies = engine.trend(copied, List.of());
        assertThat(trendOfCopies.runs()).hasSize(3);
        assertThat(trendOfCopies.skipped()).isEmpty();
    }

    @Test
    void aRunFolderGivenAsTheHistoryIsOneRunWithItsParts(@TempDir Path dir) throws Exception {
        GateCases.Case row = GateCases.all().get(0);
        Path spec = row.writeSpec(dir);
        Path runDir = runFolder(dir.resolve("runs"), 0, engine.load(spec), spec);

        History history = engine.readHistory(runDir);

        assertThat(history.runs()).hasSize(1);
        assertThat(history.runs().get(0).gate()).isNotNull();
        assertThat(engine.trend(runDir, List.of()).runs()).hasSize(1);
    }

    @Test
    void aRunWhoseOnlyOpenObjectivesLackABaselineBecomesTheNextRunsBaseline(@TempDir Path dir) throws Exception {
        GateCases.Case inconclusive = GateCases.all().stream()
                .filter(c -> c.name().equals("inconclusive is unstable")).findFirst().orElseThrow();
        Path spec = inconclusive.writeSpec(dir);
        LoadedSpec loaded = engine.load(spec);
        Path first = inconclusive.writeResult(dir.resolve("first"), spec);
        GatedRun firstRun = engine.gate(loaded, ResultFiles.read(first), History.empty(), GatePolicy.DEFAULT,
                first.getParent());
        assertThat(firstRun.result().score().objectives().get(2).explanation())
                .contains("clusterbench history add").contains("noHistory: pass");
        Path history = dir.resolve("history");
        engine.addToHistory(first.getParent(), history);

        Path second = inconclusive.writeResult(dir.resolve("second"), spec);
        RunResult secondRun = ResultFiles.read(second);
        RunResult renamed = new RunResult(secondRun.schemaVersion(), secondRun.runId() + "-2", secondRun.cluster(),
                secondRun.specFile(), secondRun.specSha256(), secondRun.tool(), secondRun.startedAt().plusSeconds(60),
                secondRun.endedAt().plusSeconds(60), secondRun.insecureHosts(), secondRun.probes());
        GatedRun gated = engine.gate(loaded, renamed, engine.readHistory(history), GatePolicy.DEFAULT,
                second.getParent());

        assertThat(gated.result().score().verdict()).hasToString("PASS");
        assertThat(gated.result().score().objectives().get(2).baselineRuns())
                .containsExactly(firstRun.result().runId());
    }

    /** A run folder as clusterbench run leaves it: result.json (gated) with before/, tuning/ and after/ parts. */
    private Path runFolder(Path root, int i, LoadedSpec loaded, Path spec) throws Exception {
        GateCases.Case row = GateCases.all().get(0);
        Path runDir = root.resolve("run" + i);
        Path after = row.writeResult(runDir.resolve("after-tmp"), spec);
        RunResult measured = ResultFiles.read(after);
        RunResult shifted = new RunResult(measured.schemaVersion(), measured.runId() + "-" + i, measured.cluster(),
                measured.specFile(), measured.specSha256(), measured.tool(), measured.startedAt().plusSeconds(i * 60L),
                measured.endedAt().plusSeconds(i * 60L), measured.insecureHosts(), measured.probes());
        ResultFiles.write(shifted, runDir.resolve("after").resolve(ResultFiles.RESULT_JSON));
        RunResult before = new RunResult(shifted.schemaVersion(), shifted.runId() + "-before", shifted.cluster(),
                shifted.specFile(), shifted.specSha256(), shifted.tool(), shifted.startedAt().minusSeconds(30),
                shifted.endedAt().minusSeconds(30), shifted.insecureHosts(), shifted.probes());
        ResultFiles.write(before, runDir.resolve("before").resolve(ResultFiles.RESULT_JSON));
        ResultFiles.write(shifted, runDir.resolve("tuning").resolve(ResultFiles.RESULT_JSON));
        engine.gate(loaded, shifted, History.empty(), GatePolicy.DEFAULT, runDir);
        deleteTree(runDir.resolve("after-tmp"));
        return runDir;
    }

    private static List<String> ids(History history) {
        return history.runs().stream().map(RunResult::runId).toList();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
