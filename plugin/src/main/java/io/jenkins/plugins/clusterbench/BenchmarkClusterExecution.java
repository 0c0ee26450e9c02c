package io.jenkins.plugins.clusterbench;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code benchmarkCluster} off the Pipeline's CPS thread, since a benchmark takes minutes: the work happens
 * on the agent, then, unless switched off, the artifacts are archived, and the build records its result under the
 * step's id; then, when asked, the run is pushed to a Pushgateway, and a failed push fails the step with everything
 * already recorded.
 */
final class BenchmarkClusterExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    // Transient as in Jenkins' own steps: the step is configuration, not state to keep across a restart.
    private final transient BenchmarkClusterStep step;

    BenchmarkClusterExecution(BenchmarkClusterStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        return benchmark(step, context.get(Run.class), context.get(FilePath.class), context.get(Launcher.class),
                context.get(TaskListener.class), context.get(EnvVars.class)).toStepResult();
    }

    /** Benchmarks and records; shared with the freestyle builder, which holds a {@link BenchmarkClusterStep}. */
    static BenchmarkOutcome benchmark(BenchmarkClusterStep step, Run<?, ?> run, FilePath workspace, Launcher launcher,
            TaskListener listener, Map<String, String> environment) throws IOException, InterruptedException {
        String pushProblem = step.pushGatewayProblem();
        if (pushProblem != null) {
            throw new AbortException("benchmarkCluster: " + pushProblem);
        }
        String id = step.resultId();
        ShardRequest shard = shardOf(step, workspace, listener);
        BenchmarkOutcome outcome = workspace.act(
                new BenchmarkOnAgent(step.getSpec(), step.getOut(), step.getOnly(), listener,
                        BoundCredentials.lookUp(step.getCredentials(), run, environment), shard));
        List<String> archived = step.isArchive()
                ? RunArtifacts.archive(run, workspace, launcher, listener, step.getOut()) : List.of();
        ClusterBenchAction earlier = ClusterBenchResults.find(run, id);
        ClusterBenchAction recorded =
                ClusterBenchAction.of(outcome, id).keepingTuningOf(earlier).withArtifacts(archived, earlier);
        ClusterBenchResults.record(run, earlier, recorded, listener);
        ResultChecks.publish(run, recorded, null, listener);
        String notPushed = PushOnAgent.pushIfAsked(step, outcome.resultPath(), workspace, listener);
        if (notPushed != null) {
            throw new AbortException(notPushed);
        }
        return outcome;
    }

    /**
     * The step's shard with the agent's clock offset to the controller, read over the build's channel before the
     * load; null for a whole run.
     */
    private static ShardRequest shardOf(BenchmarkClusterStep step, FilePath workspace, TaskListener listener)
            throws IOException, InterruptedException {
        if (step.getShard() == null) {
            if (step.getRunId() != null || step.getStartAt() != null) {
                throw new AbortException("benchmarkCluster: runId and startAt belong to a shard: give shard: 'i/N'"
                        + " too");
            }
            return null;
        }
        ShardRequest unread = new ShardRequest(step.getShard(), step.getRunId(), step.getStartAt(), null);
        try {
            unread.toShardRun();
        } catch (IllegalArgumentException e) {
            throw new AbortException("benchmarkCluster: " + e.getMessage());
        }
        io.clusterbench.result.ClockOffset clock = AgentClock.read(workspace);
        listener.getLogger().println(String.format(java.util.Locale.ROOT, "Shard %s of run %s: this agent's clock is"
                + " %.3f ms off the controller's (round trip %.3f ms)", step.getShard(), step.getRunId(),
                clock.offsetMs(), clock.roundTripMs()));
        return new ShardRequest(step.getShard(), step.getRunId(), step.getStartAt(),
                ShardRequest.ClockReading.of(clock));
    }
}
