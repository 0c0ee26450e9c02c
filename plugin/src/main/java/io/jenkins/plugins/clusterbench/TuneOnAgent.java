package io.jenkins.plugins.clusterbench;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.util.Secret;
import io.clusterbench.result.OutputFiles;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.engine.WrittenRun;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.Evidence;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.control.TuningListener;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * Plans or applies a spec's tuning actions on the agent that holds the workspace, because that agent is the one that
 * can reach the cluster. Applying writes evidence.jsonl, result.json and the reports into the out folder; core rolls
 * back on failure when asked. A plan changes and writes nothing.
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
    private final TaskListener listener;
    private final HashMap<String, Secret> secrets;

    TuneOnAgent(String spec, String out, boolean planOnly, boolean rollback, TaskListener listener,
            HashMap<String, Secret> secrets) {
        this.spec = spec;
        this.out = out;
        this.planOnly = planOnly;
        this.rollback = rollback;
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

    /** Prints one line per evidence step and per planned action; core's messages carry no secrets. */
    private record ConsoleTuning(PrintStream console) implements TuningListener {
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
