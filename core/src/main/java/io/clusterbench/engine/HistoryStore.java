package io.clusterbench.engine;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.trend.Trend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Keeps runs in a history folder, one folder per run id ({@code HISTORY/<runId>/result.json} with its
 * {@code run-summary.json}), so a run is stored once, as the scored result its reports show.
 */
final class HistoryStore {
    /** Run ids become folder names: letters, digits, dot, dash and underscore only, never {@code ..}. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private HistoryStore() {
    }

    /**
     * Stores the run in {@code run} (a run folder with its result.json, or a result.json file) under its run id.
     * Only the top-level result is stored: the before/tuning/after parts of {@code clusterbench run} are parts of
     * it, not runs.
     */
    static StoredRun add(Path run, Path historyDir) throws ClusterBenchException {
        Path resultFile = Files.isDirectory(run) ? run.resolve(ResultFiles.RESULT_JSON) : run;
        if (!Files.isRegularFile(resultFile)) {
            throw new ClusterBenchException(Kind.INVALID_INPUT, run + ": no result.json there; name a run folder"
                    + " (the --out folder of benchmark, run or assert) or its result.json");
        }
        RunResult result = ResultFiles.read(resultFile);
        if (!SAFE_ID.matcher(result.runId()).matches()) {
            throw new ClusterBenchException(Kind.INVALID_INPUT, resultFile + ": run id '" + result.runId()
                    + "' cannot name a folder; only results written by clusterbench can be added");
        }
        if (Files.exists(historyDir) && !Files.isDirectory(historyDir)) {
            throw new ClusterBenchException(Kind.INVALID_INPUT, historyDir + ": not a folder; name the history"
                    + " folder (it is created when missing)");
        }
        Path target = historyDir.resolve(result.runId()).resolve(ResultFiles.RESULT_JSON);
        boolean replaced = Files.exists(target);
        ResultFiles.write(result, target);
        Trend.summarise(target);
        return new StoredRun(result.runId(), target, replaced);
    }
}
