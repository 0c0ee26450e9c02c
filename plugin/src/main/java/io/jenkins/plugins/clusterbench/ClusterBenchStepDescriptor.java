package io.jenkins.plugins.clusterbench;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.clusterbench.result.ResultIds;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.QueryParameter;

/** The context every Cluster Bench step needs, and the check of the option every step has: its result's id. */
public abstract class ClusterBenchStepDescriptor extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        // FilePath and Launcher make the step run inside node {}, on the agent that holds the workspace; EnvVars is
        // the build's environment there (withEnv, withCredentials), which a spec's ${env:NAME} reads.
        return Set.of(Run.class, FilePath.class, Launcher.class, TaskListener.class, EnvVars.class);
    }

    /** Checks the characters only (core's rule): blank names the result after the output folder. */
    public FormValidation doCheckId(@QueryParameter String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        return ResultIds.problem(value.trim()).map(FormValidation::error).orElse(FormValidation.ok());
    }
}
