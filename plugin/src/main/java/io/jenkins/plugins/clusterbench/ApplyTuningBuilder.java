package io.jenkins.plugins.clusterbench;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.Builder;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The freestyle build step that does what {@code applyTuning} does; a failed action fails the build after rollback.
 *
 * <p>Its one parameter is the Pipeline step's own type, {@link ApplyTuningStep}, so both take the same
 * options, with the same defaults and help, from one class.
 */
public final class ApplyTuningBuilder extends Builder implements SimpleBuildStep {
    private final ApplyTuningStep tuning;

    @DataBoundConstructor
    public ApplyTuningBuilder(ApplyTuningStep tuning) {
        this.tuning = tuning;
    }

    /** The options, shared with the Pipeline step. */
    public ApplyTuningStep getTuning() {
        return tuning;
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        ApplyTuningExecution.tune(tuning, run, workspace, launcher, listener, env);
    }

    /** Registers the build step; the symbol differs from the Pipeline step's name so the two never clash. */
    @Extension
    @Symbol("clusterBenchTuning")
    public static final class DescriptorImpl extends ClusterBenchBuilderDescriptor {
        @Override
        public String getDisplayName() {
            return Messages.ApplyTuningBuilder_DisplayName();
        }
    }
}
