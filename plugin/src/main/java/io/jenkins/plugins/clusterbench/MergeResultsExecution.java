package io.jenkins.plugins.clusterbench;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code mergeResults} off the CPS thread: merges on the node that holds the workspace, archives, and records
 * the merged run under the step's id, so the build page, the gate and the trend show it like any other run.
 */
final class MergeResultsExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final transient MergeResultsStep step;

    MergeResultsExecution(MergeResultsStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        FilePath workspace = context.get(FilePath.class);
        TaskListener listener = context.get(TaskListener.class);
        if (step.getResults().isEmpty()) {
            throw new AbortException("mergeResults: give results: [...], the result.json (or folder) of every shard");
        }
        String id = step.resultId();
        BenchmarkOutcome outcome = workspace.act(new MergeOnAgent(step.getSpec(), step.getResults(), step.getOut(),
                step.getMaxClockOffset(), listener));
        List<String> archived = step.isArchive()
                ? RunArtifacts.archive(run, workspace, context.get(Launcher.class), listener, step.getOut())
                : List.of();
        ClusterBenchAction earlier = ClusterBenchResults.find(run, id);
        ClusterBenchAction recorded = ClusterBenchAction.of(outcome, id).withArtifacts(archived, earlier);
        ClusterBenchResults.record(run, earlier, recorded, listener);
        ResultChecks.publish(run, recorded, null, listener);
        return outcome.toStepResult();
    }
}
