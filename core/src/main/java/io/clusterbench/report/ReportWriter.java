package io.clusterbench.report;

import io.clusterbench.result.RunResult;
import java.io.IOException;
import java.io.OutputStream;

/** Writes one report file of a run; {@link Reports} runs every writer into the output folder. */
public interface ReportWriter {

    /** The name of the file this writer produces inside the output folder, such as {@code junit.xml}. */
    String fileName();

    /** Writes the report of {@code result} to {@code out} (UTF-8); does not close {@code out}. */
    void write(RunResult result, OutputStream out) throws IOException;
}
