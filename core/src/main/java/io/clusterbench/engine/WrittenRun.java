package io.clusterbench.engine;

import io.clusterbench.result.RunResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A run whose result.json and reports are on disk, and whether a stop cut it short.
 *
 * @param result what was measured or changed, scored when the spec has objectives
 * @param resultFile the result.json written
 * @param reports the reports written beside it (audit-report.md, audit-report.html, report.css, junit.xml)
 * @param stopped whether a stop request (the run's StopSignal, or an interrupt of the calling thread) came before
 *     the call returned, so that its numbers or changes may be partial and its caller must not pass on them
 */
public record WrittenRun(RunResult result, Path resultFile, List<Path> reports, boolean stopped) {

    public WrittenRun {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(resultFile, "resultFile");
        reports = List.copyOf(reports);
    }
}
