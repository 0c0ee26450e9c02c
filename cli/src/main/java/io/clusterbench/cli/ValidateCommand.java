package io.clusterbench.cli;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SpecException;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.spec.SpecProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterbench validate SPEC}: checks a cluster spec and prints a summary or every problem. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Check a cluster spec (YAML or JSON) without contacting anything.",
            "Prints a summary of hosts, services, probes, tuning actions and objectives,",
            "or every problem as FILE:LINE:COLUMN PATH: MESSAGE."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the spec is valid (warnings may be printed)", "2:the spec is invalid"})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SPEC", description = "the cluster spec, e.g. cluster.yaml")
    Path specFile;

    @Override
    public Integer call() throws ClusterBenchException {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        LoadedSpec loaded;
        try {
            loaded = SpecLoader.load(specFile);
        } catch (SpecException invalid) {
            for (SpecProblem problem : invalid.problems()) {
                err.println(problem.format());
            }
            int count = invalid.problems().size();
            err.println(specFile + ": " + count + (count == 1 ? " problem" : " problems")
                    + "; nothing was contacted. See docs/spec.md.");
            return ExitCodes.INVALID_SPEC;
        }
        SpecSummary.print(specFile.toString(), loaded, out);
        return ExitCodes.OK;
    }
}
