package io.clusterbench.testkit;

import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ToolInfo;
import java.nio.file.Path;
import java.util.List;

/** Sends a measurement through a result.json and back, so that a test checks what a reader of the file gets. */
public final class StoredResults {

    private StoredResults() {
    }

    /** The measurement as a reader of a result.json in {@code dir} that holds it alone gets it back. */
    public static ProbeMeasurement roundTrip(ProbeMeasurement measured, Path dir) throws Exception {
        RunResult result = new RunResult(RunResult.SCHEMA_VERSION, "20261129T140000Z-timeline", "local",
                "cluster.yaml", "0".repeat(64), ToolInfo.current(), measured.startedAt(), measured.endedAt(),
                List.of(), List.of(measured));
        Path file = dir.resolve(ResultFiles.RESULT_JSON);
        ResultFiles.write(result, file);
        return ResultFiles.read(file).probes().get(0);
    }
}
