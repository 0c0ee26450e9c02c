package io.clusterbench.cli;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.result.History;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The history options of {@code benchmark}, {@code run} and {@code assert}: a picocli mixin. */
final class HistoryOptions {

    @Option(names = "--history", paramLabel = "DIR",
            description = "earlier result.json files (any tree of run folders) for relative objectives' baselines")
    Path history;

    @Option(names = "--history-add", paramLabel = "DIR",
            description = "store the finished run in this history folder, under its run id")
    Path historyAdd;

    /** The earlier runs of {@code --history}, or none; its warnings are printed. */
    History read(PrintWriter out) throws ClusterBenchException {
        return Verdicts.history(history, out);
    }
}
