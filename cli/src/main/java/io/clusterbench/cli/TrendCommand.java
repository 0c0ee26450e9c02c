package io.clusterbench.cli;

import io.clusterbench.result.OutputFiles;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.result.TrendData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterbench trend HISTORY_DIR --out DIR}: the score and chosen metrics across stored runs. */
@Command(
        name = "trend",
        mixinStandardHelpOptions = true,
        description = {
            "Draw the score and chosen metrics across the runs stored under HISTORY_DIR (any folder tree of",
            "result.json files) into DIR/trend.html (+ trend.css) and DIR/trend.json. A small run-summary.json is",
            "kept beside each result.json, so later trends never re-read the full results. The metrics are the",
            "--metric ones, else those of the --spec's trend: section, else the newest run's failed objectives,",
            "then its other objectives' metrics (at most 6)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:the --spec is invalid", "3:the output folder is not writable",
            "6:HISTORY_DIR is missing or a --metric is malformed"})
final class TrendCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "HISTORY_DIR", description = "folder tree holding earlier result.json files")
    Path history;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "clusterbench-trend",
            description = "folder for trend.html, trend.css and trend.json (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--metric", paramLabel = "PROBE.METRIC", split = ",",
            description = "metrics to chart besides the score, at most 6 (repeatable)")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--spec", paramLabel = "SPEC",
            description = "the cluster spec whose trend.metrics to chart when no --metric is given")
    Path specFile;

    @Override
    public Integer call() throws ClusterBenchException {
        PrintWriter stdout = command.commandLine().getOut();
        List<String> selected = metrics;
        if (specFile != null) {
            LoadedSpec loaded = SpecFiles.loadOrReport(specFile, command.commandLine().getErr());
            if (loaded == null) {
                return ExitCodes.INVALID_SPEC;
            }
            selected = specSelections(loaded, stdout);
        }
        ClusterBench engine = ClusterBench.standard();
        TrendData data = engine.trend(history, selected);
        engine.writeTrend(data, out);
        stdout.printf("%d runs from %s (%d summaries reused, %d created)%n", data.runs().size(), history,
                data.summariesReused(), data.summariesCreated());
        data.skipped().forEach(skipped -> stdout.println("  skipped: " + skipped));
        stdout.println("Wrote " + out.resolve(OutputFiles.TREND_HTML) + " and " + out.resolve(OutputFiles.TREND_JSON));
        return ExitCodes.OK;
    }

    /** The spec's choice, unless the command line made its own; says which, so nobody wonders. */
    private List<String> specSelections(LoadedSpec loaded, PrintWriter stdout) {
        List<String> fromSpec = loaded.spec().trend().metrics();
        if (!metrics.isEmpty()) {
            stdout.println("Charting the --metric metrics; " + specFile + "'s trend.metrics are not used");
            return metrics;
        }
        if (fromSpec.isEmpty()) {
            stdout.println(specFile + " has no trend: section; charting the newest run's failed objectives, then its"
                    + " other objectives' metrics (its headline metrics when it has no objectives)");
        } else {
            stdout.println("Charting " + specFile + "'s trend.metrics: " + String.join(", ", fromSpec));
        }
        return fromSpec;
    }
}
