package io.jenkins.plugins.clusterbench;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.util.Secret;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.control.StopSignal;
import io.clusterbench.control.TuningListener;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.engine.WrittenRun;
import io.clusterbench.result.Evidence;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.spec.LoadedSpec;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import jenkins.MasterToSlaveFileCallable;

/**
 * Restores, on the agent that holds the workspace, what an earlier tuning run left applied, from its evidence.jsonl
 * (core's recovery: {@code applyTuning rollbackFrom: ...}); writes its own evidence, result.json and reports into the
 * out folder. Aborting it lets the running restore finish and starts no further one, as for an apply.
 */
final class RecoverOnAgent extends MasterToSlaveFileCallable<TuningOutcome> {
    private static final long serialVersionUID = 1L;

    private final String spec;
    private final String evidence;
    private final String out;
    private final TaskListener listener;
    private final HashMap<String, Secret> secrets;

    RecoverOnAgent(String spec, String evidence, String out, TaskListener listener, HashMap<String, Secret> secrets) {
        this.spec = spec;
        this.evidence = evidence;
        this.out = out;
        this.listener = listener;
        this.secrets = new HashMap<>(secrets);
    }

    @Override
    public TuningOutcome invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        Path root = workspace.toPath();
        PrintStream console = listener.getLogger();
        try {
            ClusterBench engine = AgentEngine.with(secrets);
            LoadedSpec loaded = engine.load(root.resolve(spec));
            console.println("Restoring what " + evidence + " leaves applied on cluster '" + loaded.spec().name()
                    + "' (" + spec + ") into " + out);
            WrittenRun run = engine.recover(loaded, spec, root.resolve(evidence), root.resolve(out),
                    new ConsoleSteps(console), new StopSignal());
            String resultPath = out + "/" + ResultFiles.RESULT_JSON;
            if (run.result().changes().isEmpty()) {
                console.println("Nothing to restore: every change in " + evidence + " was rolled back or never made");
            }
            if (run.stopped()) {
                throw AgentEngine.stopped("recovery stopped; run it again to restore the rest; see " + resultPath);
            }
            return TuningOutcome.of(run.result().runId(), false, run.result().changes(), resultPath);
        } catch (ClusterBenchException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** Prints one line per evidence step; core's messages carry no secrets. */
    private record ConsoleSteps(PrintStream console) implements TuningListener {
        @Override
        public void step(Evidence line) {
            console.println("  " + line.action() + " " + line.step() + ": " + line.message());
        }
    }
}
