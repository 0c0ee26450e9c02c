package io.clusterbench.cli;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.spec.LoadedSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterbench tune SPEC --plan | --apply}: the spec's tuning actions, with read-back and evidence. */
@Command(
        name = "tune",
        mixinStandardHelpOptions = true,
        description = {
            "Plan or apply the spec's tuning actions. --plan reads the current state and prints what would change,",
            "changing nothing. --apply changes, reads back and compares each action; when one fails, every action",
            "already applied is rolled back in reverse order (unless the spec says rollback: false or --no-rollback).",
            "Every step is appended to DIR/evidence.jsonl as it happens; the outcome goes to DIR/result.json."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:planned, or applied: every action applied, unchanged or checked",
            "1:an action failed (the others were rolled back unless told not to; see evidence.jsonl)",
            "2:invalid spec",
            "3:the output folder is not writable",
            "130:stopped by Ctrl-C before all actions ran (what ran is in evidence.jsonl)"
        })
final class TuneCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SPEC", description = "the cluster spec, e.g. cluster.yaml")
    Path specFile;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--plan", required = true, description = "print what would change; change nothing")
        boolean plan;

        @Option(names = "--apply", required = true, description = "apply, read back, roll back on failure")
        boolean apply;
    }

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "clusterbench-out",
            description = "folder for evidence.jsonl and result.json with --apply (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--no-rollback", description = "leave applied actions in place when one fails")
    boolean noRollback;

    @Override
    public Integer call() throws ClusterBenchException {
        PrintWriter out = command.commandLine().getOut();
        LoadedSpec loaded = SpecFiles.loadOrReport(specFile, command.commandLine().getErr());
        if (loaded == null) {
            return ExitCodes.INVALID_SPEC;
        }
        if (loaded.spec().tuning().isEmpty()) {
            out.println(specFile + ": no tuning actions; nothing to do.");
            return ExitCodes.OK;
        }
        if (mode.plan) {
            return TuneInvocation.plan(loaded, out);
        }
        boolean rollback = loaded.spec().settings().rollback() && !noRollback;
        return TuneInvocation.apply(loaded, specFile.toString(), this.out, rollback, out);
    }
}
