package hudson.model;

import java.util.List;

/** Stand-in (compile only) of a model object that holds actions. jenkins-api.md §2.3. */
public abstract class Actionable {

    public boolean addOrReplaceAction(Action a) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public void addAction(Action a) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public boolean removeAction(Action a) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
