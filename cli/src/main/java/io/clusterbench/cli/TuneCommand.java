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

/**
 * {@code clusterbench tune SPEC --plan | --apply | --rollback EVIDENCE}: the spec's tuning actions, with read-back and
 * evidence, and the recovery of what a killed or stopped run left applied.
 */
@Command(
        name = "tune",
        mixinStandardHelpOptions = true,
        description = {
            "Plan or apply the spec's tuning actions. --plan reads the current state and prints what would change,",
            "changing nothing, and exits 8 when a required action is known to fail. --apply first plans every",
            "action (the preflight) and applies nothing when a required one is known to fail; then it changes, reads",
            "back and compares each action; when a required one fails, every action already applied is rolled back",
            "in reverse order (unless the spec says rollback: false or --no-rollback). An optional: true action's",
            "failure is recorded and the others go on.",
            "Every step is appended to DIR/evidence.jsonl as it happens; the outcome goes to DIR/result.json.",
            "--rollback EVIDENCE restores what a run left applied (killed, stopped, or rollback: false), from that",
            "evidence.jsonl and the spec: each change is read first, left alone when already restored, else restored",
            "with read-back; its own evidence goes to DIR (default clusterbench-rollback). Running it twice is harmless."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:planned, or applied: every required action applied, unchanged or checked",
            "1:a required action failed (the others were rolled back unless told not to; see evidence.jsonl);",
            "  --rollback: a change could not be restored or cannot be undone (the message says what to do by hand)",
            "2:invalid spec",
            "3:the output folder is not writable",
            "6:--rollback: the evidence file is missing or not an evidence.jsonl",
            "8:--plan: a required action is known to fail; --apply: so the preflight applied nothing",
            "130:stopped by Ctrl-C (143: SIGTERM); the running action finished its step, everything is written"
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

        @Option(names = "--rollback", paramLabel = "EVIDENCE", required = true,
                description = "restore what the run that wrote this evidence.jsonl left applied")
        Path rollbackFrom;
    }

    /** Not the apply's folder: the recovery's result.json must not replace the run's. */
    static final String ROLLBACK_OUT = "clusterbench-rollback";

    @Option(names = "--out", paramLabel = "DIR",
            description = "folder for evidence.jsonl, result.json and reports (default: clusterbench-out; with"
                    + " --rollback: " + ROLLBACK_OUT + ")")
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
        if (mode.rollbackFrom != null) {
            return TuneInvocation.recover(loaded, specFile.toString(), mode.rollbackFrom,
                    this.out == null ? Path.of(ROLLBACK_OUT) : this.out, out);
        }
        if (loaded.spec().tuning().isEmpty()) {
            out.println(specFile + ": no tuning actions; nothing to do.");
            return ExitCodes.OK;
        }
        if (mode.plan) {
            return TuneInvocation.plan(loaded, out);
        }
        boolean rollback = loaded.spec().settings().rollback() && !noRollback;
        return TuneInvocation.apply(loaded, specFile.toString(), this.out == null ? Path.of("clusterbench-out") : this.out,
                rollback, out);
    }
}
