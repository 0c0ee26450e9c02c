package jenkins.tasks;

import hudson.model.Action;
import java.util.Collection;

/**
 * Stand-in (compile only) of a build step that works in freestyle and Pipeline; jenkins-api.md §2.2. Only the nested
 * LastBuildAction is used so far, so the real supertype BuildStep and the perform methods are left out.
 */
public interface SimpleBuildStep {

    /** Stand-in of a build action that adds transient actions to its job. */
    interface LastBuildAction extends Action {
        Collection<? extends Action> getProjectActions();
    }
}
