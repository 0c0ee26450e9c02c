package jenkins.tasks;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Action;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStep;
import java.io.IOException;
import java.util.Collection;

/**
 * Stand-in (compile only) of a build step that works in freestyle and Pipeline; jenkins-api.md §2.2.
 */
public interface SimpleBuildStep extends BuildStep {

    @Deprecated
    default void perform(Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    default void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    default void perform(Run<?, ?> run, EnvVars env, TaskListener listener) throws InterruptedException, IOException {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    default boolean requiresWorkspace() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }


    /** Stand-in of a build action that adds transient actions to its job. */
    interface LastBuildAction extends Action {
        Collection<? extends Action> getProjectActions();
    }
}
