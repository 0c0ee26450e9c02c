package io.jenkins.plugins.clusterbench;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The context every Cluster Bench step needs, and the checks of the options every step has: its spec and its result's
 * id. The freestyle build steps show the steps' own forms, so these check their fields too.
 */
public abstract class ClusterBenchStepDescriptor extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        // FilePath and Launcher make the step run inside node {}, on the agent that holds the workspace; EnvVars is
        // the build's environment there (withEnv, withCredentials), which a spec's ${env:NAME} reads.
        return Set.of(Run.class, FilePath.class, Launcher.class, TaskListener.class, EnvVars.class);
    }

    /** Checks the characters only (core's rule): blank names the result after the output folder. */
    public FormValidation doCheckId(@QueryParameter String value) {
        return FormChecks.id(value).toFormValidation();
    }

    /** Blank, or the http(s) URL of a Pushgateway (core's parser, as the step uses). */
    public FormValidation doCheckPushGateway(@QueryParameter String value) {
        return FormChecks.pushGateway(value).toFormValidation();
    }

    /** Required; in a freestyle job whose workspace the user may see, a warning when the file is not there. */
    @POST
    public FormValidation doCheckSpec(@AncestorInPath Item item, @QueryParameter String value) {
        return FormChecks.spec(value, workspaceOf(item)).toFormValidation();
    }

    /**
     * A freestyle project's workspace on a node that is online, when the user may see workspaces; null otherwise, and
     * always for a Pipeline job, whose workspace is known only while a build runs.
     */
    static WorkspaceFiles workspaceOf(Item item) {
        if (item instanceof AbstractProject<?, ?> project && item.hasPermission(Item.WORKSPACE)) {
            FilePath workspace = project.getSomeWorkspace();
            return workspace == null ? null : path -> workspace.child(path).exists();
        }
        return null;
    }
}
