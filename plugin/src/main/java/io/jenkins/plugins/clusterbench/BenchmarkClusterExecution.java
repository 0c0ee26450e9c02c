package io.jenkins.plugins.clusterbench;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code benchmarkCluster} off the Pipeline's CPS thread, since a benchmark takes minutes: the work happens on
 * the agent, then the build gets its summary action and, unless switched off, the artifacts.
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
        Run<?, ?> run = context.get(Run.class);
        FilePath workspace = context.get(FilePath.class);
        Launcher launcher = context.get(Launcher.class);
        TaskListener listener = context.get(TaskListener.class);

        BenchmarkOutcome outcome = workspace.act(
                new BenchmarkOnAgent(step.getSpec(), step.getOut(), step.getOnly(), listener));
        run.addOrReplaceAction(ClusterBenchAction.of(outcome));
        if (step.isArchive()) {
            RunArtifacts.archive(run, workspace, launcher, listener, step.getOut());
        }
        return outcome.toStepResult();
    }
}
