package io.jenkins.plugins.clusterbench;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.util.Secret;
import io.clusterbench.result.OutputFiles;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.engine.RunListener;
import io.clusterbench.engine.RunOutcome;
import io.clusterbench.engine.RunPlan;
import io.clusterbench.engine.WrittenRun;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.EffectTable;
import io.clusterbench.result.Evidence;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.control.TuningListener;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * Plans or applies a spec's tuning actions on the agent that holds the workspace, because that agent is the one that
 * can reach the cluster. Applying writes evidence.jsonl, result.json and the reports into the out folder; core rolls
 * back on failure when asked. A plan changes and writes nothing.
 *
 * <p>With {@code verify} it runs core's whole run flow instead ({@link ClusterBench#runStoppable}): rounds in the
 * conditions before (A) and after (B) the tuning, alternating where every change can be rolled back, the effect on
 * every key metric, and the spec's {@code rollbackIfWorse}; it prints core's effect table.
 *
 * <p>Aborting the build interrupts this thread; core turns that into a stop: the running action finishes its step,
 * no further one starts, and everything is written. This class then prints what each action ended as and throws
 * {@link InterruptedException}, so the build ends ABORTED.
 */
final class TuneOnAgent extends MasterToSlaveFileCallable<TuningOutcome> {
    private static final long serialVersionUID = 1L;

    private final String spec;
    private final String out;
    private final boolean planOnly;
    private final boolean rollback;
    private final boolean verify;
    private final TaskListener listener;
    private final HashMap<String, Secret> secrets;

    TuneOnAgent(String spec, String out, boolean planOnly, boolean rollback, TaskListener listener,
            HashMap<String, Secret> secrets) {
        this(spec, out, planOnly, rollback, false, listener, secrets);
    }

    TuneOnAgent(String spec, String out, boolean planOnly, boolean rollback, boolean verify, TaskListener listener,
            HashMap<String, Secret> secrets) {
        this.spec = spec;
        this.out = out;
        this.planOnly = planOnly;
        this.rollback = rollback;
        this.verify = verify;
        this.listener = listener;
        this.secrets = new HashMap<>(secrets);
    }

    @Override
    public TuningOutcome invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        Path specFile = workspace.toPath().resolve(spec);
        Path outDir = workspace.toPath().resolve(out);
        PrintStream console = listener.getLogger();
        ConsoleTuning progress = new ConsoleTuning(console);
        try {
            ClusterBench engine = AgentEngine.with(secrets);
            LoadedSpec loaded = engine.load(specFile);
            if (planOnly) {
                console.println("Planning tuning of cluster '" + loaded.spec().name() + "' (" + spec
                        + "); nothing is changed");
                List<ChangeOutcome> plan = engine.plan(loaded, progress);
                if (Thread.currentThread().isInterrupted()) {
                    // A read cut short by the stop would show as a failed plan; the plan changed nothing anyway.
                    throw AgentEngine.stopped("tuning plan stopped; nothing was changed");
                }
                return TuningOutcome.of(null, true, plan, null);
            }
            if (verify) {
                return verify(engine, loaded, workspace.toPath(), outDir, console);
            }
            console.println("Tuning cluster '" + loaded.spec().name() + "' (" + spec + ") into " + out
                    + (rollback ? ", rolling back if an action fails" : ", without rollback"));
            WrittenRun run = engine.tuneAndWrite(loaded, spec, outDir, rollback, progress, new StopSignal());
            String resultPath = out + "/" + ResultFiles.RESULT_JSON;
            if (run.stopped()) {
                console.println("Cluster Bench tuning stopped; no action started after the stop. Where each ended:");
                for (ChangeOutcome change : run.result().changes()) {
                    console.println("  " + change.action() + " " + change.status() + ": " + change.message());
                }
                console.println("Evidence in " + out + "/" + OutputFiles.EVIDENCE_JSONL + ", result in " + resultPath);
                throw AgentEngine.stopped("tuning stopped; what was changed is in " + resultPath);
            }
            return TuningOutcome.of(run.result().runId(), false, run.result().changes(), resultPath);
        } catch (ClusterBenchException e) {
            // The message says where and what to do; a stack trace would only hide it.
            throw new AbortException(e.getMessage());
        }
    }

    private TuningOutcome verify(ClusterBench engine, LoadedSpec loaded, Path workspace, Path outDir,
            PrintStream console) throws ClusterBenchException, InterruptedException {
        console.println("Verifying the tuning of cluster '" + loaded.spec().name() + "' (" + spec + ") into " + out
                + ": rounds before and after it, and its effect on every key metric"
                + (loaded.spec().settings().rollbackIfWorse()
                        ? "; settings.rollbackIfWorse rolls it back if a key objective's metric gets worse" : ""));
        RunPlan plan = RunPlan.into(outDir);
        StopSignal stop = new StopSignal();
        RunOutcome run = engine.runStoppable(loaded, spec, plan, new ConsoleRun(console), stop);
        if (run.stopped() || stop.raised()) {
            console.println("Cluster Bench verification stopped before its end; the folders under " + out
                    + " hold what each stage measured or changed. Where each action ended:");
            for (ChangeOutcome change : run.result() == null ? List.<ChangeOutcome>of() : run.result().changes()) {
                console.println("  " + change.action() + " " + change.status() + ": " + change.message());
            }
            throw AgentEngine.stopped("verification stopped; what was measured and changed is under " + out);
        }
        RunResult result = run.result();
        List<String> folders = new ArrayList<>();
        for (Path folder : List.of(plan.outDir(), plan.tuningDir(), plan.beforeDir(), plan.afterDir())) {
            folders.add(relative(workspace, folder));
        }
        String resultPath = relative(workspace, plan.outDir().resolve(ResultFiles.RESULT_JSON));
        Verification verification = Verification.of(result, resultPath, folders);
        console.println("Cluster Bench verdict of the tuned rounds: " + verification.verdict()
                + (verification.score() == null ? "" : ", score " + verification.score() + " / 100"));
        printEffects(result.comparison(), console);
        String tuningResult = relative(workspace, plan.tuningDir().resolve(ResultFiles.RESULT_JSON));
        return TuningOutcome.of(result.runId(), false, result.changes(), tuningResult).verifiedBy(verification);
    }

    private static String relative(Path workspace, Path file) {
        return workspace.relativize(file).toString().replace(File.separatorChar, '/');
    }

    /** Core's effect table, as the CLI prints it: the comparison's sentence, the rows, the design, the reasons. */
    private static void printEffects(RunComparison comparison, PrintStream console) {
        if (comparison == null) {
            return;
        }
        EffectTable.consoleLines(comparison).forEach(console::println);
        if (comparison.regressed()) {
            console.println(comparison.rolledBack()
                    ? "A key objective's metric got worse: settings.rollbackIfWorse rolled the tuning back"
                    : "A key objective's metric got worse; the tuning stays applied (settings.rollbackIfWorse is"
                            + " false). The step does not fail for it: check the returned map's regressed");
        }
    }

    /** Prints the run's stages, rounds, probes, evidence steps and notes; core's messages carry no secrets. */
    private record ConsoleRun(PrintStream console) implements RunListener {
        @Override
        public void stage(int number, int of, String title) {
            console.println("== " + number + "/" + of + " " + title);
        }

        @Override
        public void round(int index, int of, String condition) {
            console.println("-- round " + index + "/" + of + ": " + condition
                    + (condition.equals("A") ? " (before tuning)" : " (tuned)"));
        }

        @Override
        public void probeFinished(ProbeMeasurement measurement, Path resultFile) {
            console.println("  finished " + measurement.probe() + " (" + measurement.status() + ")");
        }

        @Override
        public void step(Evidence evidence) {
            console.println("  " + evidence.action() + " " + evidence.step() + ": " + evidence.message());
        }

        @Override
        public void note(String line) {
            console.println(line);
        }
    }

    /** Prints one line per evidence step and per planned action; core's messages carry no secrets. */
    private record ConsoleTuning(PrintStream console) implements TuningListener {
        @Override
        public void note(String line) {
            console.println(line);
        }

        @Override
        public void step(Evidence evidence) {
            console.println("  " + evidence.action() + " " + evidence.step() + ": " + evidence.message());
        }

        @Override
        public void planned(ChangeOutcome outcome) {
            console.println("  " + outcome.action() + " " + outcome.status() + ": " + outcome.message());
        }
    }
}
