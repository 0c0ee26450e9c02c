package io.clusterbench.cli;

import io.clusterbench.result.OutputFiles;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.engine.StoredRun;
import io.clusterbench.result.GateOutcome;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.result.History;
import io.clusterbench.spec.LoadedSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints what the engine decided (every objective's explanation, the verdict, the gate) and where the files are;
 * shared by benchmark, tune, run, assert and demo. Decides nothing itself.
 */
final class Verdicts {

    private Verdicts() {
    }

    /** Reads the history folder, or none; its warnings are printed. */
    static History history(Path folder, PrintWriter out) throws ClusterBenchException {
        if (folder == null) {
            return History.empty();
        }
        History history = ClusterBench.standard().readHistory(folder);
        history.warnings().forEach(warning -> out.println("history: " + warning));
        out.println("history: " + history.runs().size() + " earlier runs in " + folder);
        return history;
    }

    /** The run with its score when the spec has objectives, else unchanged. */
    static RunResult scoreIfObjectives(LoadedSpec loaded, RunResult run, History history, PrintWriter out) {
        if (loaded.spec().objectives().isEmpty()) {
            return run;
        }
        RunResult scored = run.withScore(ClusterBench.standard().score(loaded, run, history));
        print(scored.score(), out);
        return scored;
    }

    static void print(ScoreResult score, PrintWriter out) {
        out.println();
        out.println("Objectives:");
        for (ObjectiveResult objective : score.objectives()) {
            out.printf("  %-12s %s%n", objective.status().name().toLowerCase(Locale.ROOT), objective.explanation());
        }
        out.printf("Verdict: %s, score %s / 100 (pass >= %s, warning >= %s). %s%n", score.verdict(),
                Numbers.score(score.score()), Numbers.format(score.passThreshold()),
                Numbers.format(score.warningThreshold()), score.explanation());
    }

    /** The objectives, the verdict and the gate's one line, as result.json and the reports hold them. */
    static void print(ScoreResult score, GateOutcome gate, PrintWriter out) {
        print(score, out);
        out.println(gate.line());
    }

    /** Writes result.json and the reports beside it, and says where. */
    static void write(RunResult result, Path outDir, PrintWriter out) throws ClusterBenchException {
        ResultFiles.write(result, outDir.resolve(ResultFiles.RESULT_JSON));
        ClusterBench.standard().writeReports(result, outDir);
        reported(outDir, out);
    }

    /** Says where the reports are. */
    static void reported(Path outDir, PrintWriter out) {
        out.println("Report: " + outDir.resolve(OutputFiles.AUDIT_HTML) + " (also " + OutputFiles.AUDIT_MARKDOWN + ", "
                + OutputFiles.JUNIT_XML + ")");
    }

    /** Stores the run folder in a history folder when one was named, and says so. */
    static void addToHistory(Path runDir, Path historyDir, PrintWriter out) throws ClusterBenchException {
        if (historyDir != null) {
            StoredRun stored = ClusterBench.standard().addToHistory(runDir, historyDir);
            out.println(stored.describe());
        }
    }
}
