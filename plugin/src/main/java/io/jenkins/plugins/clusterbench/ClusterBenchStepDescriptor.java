package io.jenkins.plugins.clusterbench;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;

/** The context every Cluster Bench step needs. */
public abstract class ClusterBenchStepDescriptor extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        // FilePath and Launcher make the step run inside node {}, on the agent that holds the workspace; EnvVars is
        // the build's environment there (withEnv, withCredentials), which a spec's ${env:NAME} reads.
        return Set.of(Run.class, FilePath.class, Launcher.class, TaskListener.class, EnvVars.class);
    }
}
