package io.clusterbench.cli;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.control.PushTarget;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.engine.RunOutcome;
import io.clusterbench.engine.RunPlan;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.GatePolicy;
import io.clusterbench.result.History;
import io.clusterbench.result.OutputFiles;
import io.clusterbench.spec.LoadedSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clusterbench run SPEC}: benchmark, tune, benchmark again, score, compare and gate: the proof tuning helped.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark (DIR/before), apply the tuning (DIR/tuning), benchmark the same workload again (DIR/after),",
            "compare the after-run with the before-run, score the after-run against the objectives, decide the gate",
            "and write result.json and the reports into DIR. With settings.rollbackIfWorse: true, a significant",
            "regression on a key objective rolls the tuning back, with evidence."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the gate passed or is UNSTABLE (see assert --help)",
            "1:a probe failed or a tuning action failed (checked before the gate)",
            "8:the tuning's preflight found a required action known to fail; nothing was applied",
            "96-99:the gate failed (as for assert)",
            "2:invalid spec, or an option out of range (nothing ran)",
            "3:the output folder is not writable",
            "4:the run passed, but --push could not reach the Pushgateway (5: it refused the push)",
            "130:stopped"
        })
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SPEC", description = "the cluster spec")
    Path specFile;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "clusterbench-run",
            description = "folder for everything the run writes (default: ${DEFAULT-VALUE})")
    Path out;

    @Mixin
    HistoryOptions histories;

    @Option(names = "--parallel", paramLabel = "N",
            description = "probe groups run at once, 1 or more (default: the spec's settings.maxParallelProbes)")
    Integer parallel;

    @Mixin
    GateOptions gateOptions;

    @Mixin
    PushOption push;

    @Override
    public Integer call() throws ClusterBenchException {
        GatePolicy policy = gateOptions.policy(command);
        Optional<PushTarget> target = push.target(command);
        OptionalInt maxParallel = ParallelOption.check(command, parallel);
        PrintWriter stdout = command.commandLine().getOut();
        LoadedSpec loaded = SpecFiles.loadOrReport(specFile, command.commandLine().getErr());
        if (loaded == null) {
            return ExitCodes.INVALID_SPEC;
        }
        RunPlan plan = new RunPlan(out, histories.read(stdout), policy, maxParallel, histories.historyAdd);
        Ran ran = runAndPrint(loaded, specFile.toString(), plan, stdout);
        return PushOption.pushFinished(target, ran.outcome().result(), ran.outcome().stopped(), ran.exitCode(),
                plan.outDir().resolve(OutputFiles.RESULT_JSON), stdout, command.commandLine().getErr());
    }

    /** A finished or stopped run and the exit code it earned. */
    record Ran(RunOutcome outcome, int exitCode) {
    }

    /** The whole flow, shared with {@code demo}: the engine runs it, this prints it and picks the exit code. */
    static int run(LoadedSpec loaded, String specFile, RunPlan plan, PrintWriter stdout)
            throws ClusterBenchException {
        return runAndPrint(loaded, specFile, plan, stdout).exitCode();
    }

    private static Ran runAndPrint(LoadedSpec loaded, String specFile, RunPlan plan, PrintWriter stdout)
            throws ClusterBenchException {
        RunOutcome outcome;
        try (SignalStop signal = new SignalStop("clusterbench-run-stop", SignalStop.TUNING_GRACE_SECONDS)) {
            outcome = ClusterBench.standard().run(loaded, specFile, plan, new RunPrinter(stdout), signal.signal());
            if (outcome.stopped()) {
                // Printed before the hook lets the JVM exit.
                stdout.println("Stopped before the end; each stage's folder holds what it measured or changed.");
                Path evidence = plan.tuningDir().resolve(OutputFiles.EVIDENCE_JSONL);
                if (Files.isRegularFile(evidence)) {
                    stdout.println("To undo what the tuning left applied: clusterbench tune " + specFile
                            + " --rollback " + evidence);
                }
                stdout.flush();
                return new Ran(outcome, ExitCodes.INTERRUPTED);
            }
        }
        // A tuning refused before the first round leaves no score, gate or effect to print.
        boolean measured = outcome.gate() != null;
        if (measured) {
            Verdicts.print(outcome.result().score(), outcome.gate(), stdout);
            EffectPrinter.print(outcome.result().comparison(), stdout);
        }
        Verdicts.reported(plan.outDir(), stdout);
        if (outcome.tuningRefused()) {
            stdout.println("The tuning was not applied" + (measured ? "" : " and no round was measured")
                    + ": its preflight found a required action known to fail: "
                    + String.join("; ", ChangeOutcome.knownFailures(outcome.result().changes())));
            return new Ran(outcome, ExitCodes.PREFLIGHT);
        }
        if (outcome.probesFailed() || outcome.tuningFailed()) {
            return new Ran(outcome, ExitCodes.SOME_PROBES_FAILED);
        }
        return new Ran(outcome, outcome.gate().exitCode());
    }

    /** Only for {@code demo}: the plan with no history and the default gate. */
    static RunPlan demoPlan(Path out, History history) {
        return new RunPlan(out, history, GatePolicy.DEFAULT, OptionalInt.empty(), null);
    }
}
