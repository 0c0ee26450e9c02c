package io.clusterbench.engine;

import io.clusterbench.result.GateOutcome;
import io.clusterbench.result.RunResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A run that was scored and gated, with the files that say so.
 *
 * @param result the run with its score and gate
 * @param gate what the gate decided (also in {@code result.gate()})
 * @param resultFile where result.json was written
 * @param reports the reports written beside it
 */
public record GatedRun(RunResult result, GateOutcome gate, Path resultFile, List<Path> reports) {

    public GatedRun {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(gate, "gate");
        reports = List.copyOf(reports);
    }
}
