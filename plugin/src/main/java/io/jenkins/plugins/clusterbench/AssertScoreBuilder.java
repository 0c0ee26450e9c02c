package io.jenkins.plugins.clusterbench;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import io.clusterbench.result.GateOutcome;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.Builder;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The freestyle build step that does what {@code assertScore} does: FAILURE fails the build, UNSTABLE marks it.
 *
 * <p>Its one parameter is the Pipeline step's own type, {@link AssertScoreStep}, so both take the same
 * options, with the same defaults and help, from one class.
 */
public final class AssertScoreBuilder extends Builder implements SimpleBuildStep {
    private final AssertScoreStep gate;

    @DataBoundConstructor
    public AssertScoreBuilder(AssertScoreStep gate) {
        this.gate = gate;
    }

    /** The options, shared with the Pipeline step. */
    public AssertScoreStep getGate() {
        return gate;
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        GateOutcome decision = AssertScoreExecution.score(gate, run, workspace, launcher, listener, env);
        if (GateResults.of(decision) == Result.UNSTABLE) {
            // Freestyle has no stages: the build result is the only place an UNSTABLE gate shows.
            run.setResult(Result.UNSTABLE);
        }
    }

    /** Registers the build step; the symbol differs from the Pipeline step's name so the two never clash. */
    @Extension
    @Symbol("clusterBenchAssertScore")
    public static final class DescriptorImpl extends ClusterBenchBuilderDescriptor {
        @Override
        public String getDisplayName() {
            return Messages.AssertScoreBuilder_DisplayName();
        }
    }
}
