package io.clusterbench.cli;

import io.clusterbench.engine.ClusterBench;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SpecException;
import io.clusterbench.spec.SpecProblem;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Loads a spec for a command, printing every problem the same way for every command. */
final class SpecFiles {

    private SpecFiles() {
    }

    /** The loaded spec, or null after printing every problem to {@code err}. */
    static LoadedSpec loadOrReport(Path specFile, PrintWriter err) {
        try {
            return ClusterBench.standard().load(specFile);
        } catch (SpecException invalid) {
            for (SpecProblem problem : invalid.problems()) {
                err.println(problem.format());
            }
            int count = invalid.problems().size();
            err.println(specFile + ": " + count + (count == 1 ? " problem" : " problems")
                    + "; nothing was contacted. See docs/spec.md.");
            return null;
        }
    }
}
