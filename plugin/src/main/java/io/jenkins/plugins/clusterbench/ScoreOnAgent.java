package io.jenkins.plugins.clusterbench;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.util.Secret;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.engine.GatedRun;
import io.clusterbench.result.GateOutcome;
import io.clusterbench.result.GatePolicy;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.result.History;
import io.clusterbench.spec.LoadedSpec;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * Scores and gates this build's result on the agent that holds the workspace (where the spec and its secrets
 * resolve) through core's one gate flow, with the earlier builds' results the controller sent as the history;
 * core writes the scored, gated result.json and the reports; this prints every objective's explanation.
 */
final class ScoreOnAgent extends MasterToSlaveFileCallable<ScoreOnAgent.Scored> {
    private static final long serialVersionUID = 1L;

    /**
     * What comes back to the controller.
     *
     * @param summary the scored run, for the build action
     * @param gate core's gate decision
     */
    record Scored(BenchmarkOutcome summary, GateOutcome gate) implements Serializable {
    }

    private final String spec;
    private final String result;
    private final ArrayList<String> baselines;
    private final GatePolicy policy;
    private final TaskListener listener;
    private final HashMap<String, Secret> secrets;

    ScoreOnAgent(String spec, String result, List<String> baselines, GatePolicy policy, TaskListener listener,
            HashMap<String, Secret> secrets) {
        this.spec = spec;
        this.result = result;
        this.baselines = new ArrayList<>(baselines);
        this.policy = policy;
        this.listener = listener;
        this.secrets = new HashMap<>(secrets);
    }

    @Override
    public Scored invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        Path resultFile = workspace.toPath().resolve(result);
        PrintStream console = listener.getLogger();
        try {
            ClusterBench engine = AgentEngine.with(secrets);
            LoadedSpec loaded = engine.load(workspace.toPath().resolve(spec));
            RunResult run = ResultFiles.read(resultFile);
            List<RunResult> earlier = new ArrayList<>();
            for (int i = 0; i < baselines.size(); i++) {
                try {
                    earlier.add(ResultFiles.parse(baselines.get(i), "baseline " + (i + 1)));
                } catch (ClusterBenchException e) {
                    console.println("  baseline skipped: " + e.getMessage());
                }
            }
            History history = History.of(earlier);
            GatedRun gated = engine.gate(loaded, run, history, policy, resultFile.getParent());
            ScoreResult score = gated.result().score();
            console.println("Cluster Bench score of " + result + ": " + score.score() + " / 100, verdict "
                    + score.verdict() + ", against " + history.runs().size() + " earlier run(s)");
            for (ObjectiveResult objective : score.objectives()) {
                console.println("  " + objective.status() + " " + objective.metric() + " " + objective.pass() + ": "
                        + objective.explanation());
            }
            console.println("  " + score.explanation());
            return new Scored(BenchmarkOutcome.of(gated.result(), result, loaded.spec().trend().metrics()),
                    gated.gate());
        } catch (ClusterBenchException e) {
            // The message says where and what to do; a stack trace would only hide it.
            throw new AbortException(e.getMessage());
        }
    }
}
