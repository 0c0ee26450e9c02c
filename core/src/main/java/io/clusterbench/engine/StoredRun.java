package io.clusterbench.engine;

import java.nio.file.Path;

/**
 * A run kept in a history folder by {@link ClusterBench#addToHistory}.
 *
 * @param runId the run's id, which names its folder in the history
 * @param resultFile where its result.json now is
 * @param replaced whether the history already held this run id (the new copy replaced it)
 */
public record StoredRun(String runId, Path resultFile, boolean replaced) {

    /** One line for the console. */
    public String describe() {
        return "history: " + (replaced ? "replaced run " : "added run ") + runId + " as " + resultFile;
    }
}
