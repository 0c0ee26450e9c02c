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
 * Runs {@code applyTuning} off the Pipeline's CPS thread: tunes (or, with {@code verify}, tunes and verifies) on the
 * agent, archives the evidence, and only then fails the step if an action failed, so the evidence of a failed (and
 * rolled back) tuning is always kept.
 */
final class ApplyTuningExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final transient ApplyTuningStep step;

    ApplyTuningExecution(ApplyTuningStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        return tune(step, context.get(Run.class), context.get(FilePath.class), context.get(Launcher.class),
                context.get(TaskListener.class), context.get(EnvVars.class)).toStepResult();
    }

    /**
     * Tunes, archives, then fails if an action failed. Static and taking the step as its parameter object so that a
     * freestyle builder can hold an {@link ApplyTuningStep} and call this, rather than copy its fields.
     */
    static TuningOutcome tune(ApplyTuningStep settings, Run<?, ?> run, FilePath workspace, Launcher launcher,
            TaskListener listener, Map<String, String> environment) throws IOException, InterruptedException {
        String problem = settings.optionProblem();
        if (problem == null && settings.pushGatewayProblem() != null) {
            problem = "applyTuning: " + settings.pushGatewayProblem();
        }
        if (problem != null) {
            throw new AbortException(problem);
        }
        String id = settings.resultId();
        if (settings.getRollbackFrom() != null) {
            return recover(settings, id, run, workspace, launcher, listener, environment);
        }
        TuningOutcome outcome = workspace.act(new TuneOnAgent(settings.getSpec(), settings.getOut(),
                settings.isPlan(), settings.isRollback(), settings.isVerify(), listener,
                BoundCredentials.lookUp(settings.getCredentials(), run, environment)));
        if (!outcome.planOnly()) {
            // Also when an action failed: the page then shows what was rolled back, next to the failure.
            Verification verification = outcome.verification();
            List<String> archived = settings.isArchive() ? RunArtifacts.archive(run, workspace, launcher, listener,
                    verification == null ? List.of(settings.getOut()) : verification.folders()) : List.of();
            ClusterBenchAction earlier = ClusterBenchResults.find(run, id);
            ClusterBenchAction tuned = verification == null
                    ? ClusterBenchAction.ofTuning(id, outcome.resultPath(), outcome.pageLines(), earlier)
                    : ClusterBenchAction.ofTuning(id, outcome.resultPath(), verification.resultPath(),
                            new BuildDetails(List.of(), outcome.pageLines(), verification.details().getEffects(),
                                    verification.details().getEffectDesign()), earlier);
            ClusterBenchAction recorded = tuned.withArtifacts(archived, earlier);
            ClusterBenchResults.record(run, earlier, recorded, listener);
            ResultChecks.publish(run, recorded, null, listener);
        }
        String notPushed = null;
        if (!outcome.planOnly()) {
            // The verified run is the one with effects and a score; a plain tuning's result has the changes only.
            Verification verification = outcome.verification();
            notPushed = PushOnAgent.pushIfAsked(settings,
                    verification == null ? outcome.resultPath() : verification.resultPath(), workspace, listener);
        }
        if (outcome.failed()) {
            throw new AbortException(outcome.failureMessage());
        }
        if (notPushed != null) {
            throw new AbortException(notPushed);
        }
        return outcome;
    }

    /** {@code rollbackFrom}: restores, archives, then fails if a change could not be restored. */
    private static TuningOutcome recover(ApplyTuningStep settings, String id, Run<?, ?> run, FilePath workspace,
            Launcher launcher, TaskListener listener, Map<String, String> environment)
            throws IOException, InterruptedException {
        if (settings.isPlan()) {
            throw new AbortException("applyTuning: plan and rollbackFrom exclude each other; a recovery reads the"
                    + " current state before it changes anything anyway");
        }
        TuningOutcome outcome = workspace.act(new RecoverOnAgent(settings.getSpec(), settings.getRollbackFrom(),
                settings.getOut(), listener, BoundCredentials.lookUp(settings.getCredentials(), run, environment)));
        List<String> archived = settings.isArchive()
                ? RunArtifacts.archive(run, workspace, launcher, listener, settings.getOut()) : List.of();
        ClusterBenchAction earlier = ClusterBenchResults.find(run, id);
        ClusterBenchAction recorded = ClusterBenchAction.ofTuning(id, outcome.resultPath(), outcome.pageLines(),
                earlier).withArtifacts(archived, earlier);
        ClusterBenchResults.record(run, earlier, recorded, listener);
        ResultChecks.publish(run, recorded, null, listener);
        if (outcome.notRestored()) {
            throw new AbortException(outcome.notRestoredMessage());
        }
        return outcome;
    }
}
