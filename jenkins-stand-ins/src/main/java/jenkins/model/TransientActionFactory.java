package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Action;
import java.util.Collection;

/** Stand-in (compile only) of the extension point that adds actions to objects on the fly; jenkins-api.md §2.3. */
public abstract class TransientActionFactory<T> implements ExtensionPoint {

    public abstract Class<T> type();

    public Class<? extends Action> actionType() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public abstract Collection<? extends Action> createFor(T target);
}
