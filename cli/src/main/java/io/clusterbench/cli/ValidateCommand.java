package io.clusterbench.cli;

import io.clusterbench.spec.LoadedSpec;
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
    public Integer call() {
        LoadedSpec loaded = SpecFiles.loadOrReport(specFile, command.commandLine().getErr());
        if (loaded == null) {
            return ExitCodes.INVALID_SPEC;
        }
        SpecSummary.print(specFile.toString(), loaded, command.commandLine().getOut());
        return ExitCodes.OK;
    }
}
