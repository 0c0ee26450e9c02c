package jenkins.util;

import hudson.model.BuildListener;
import hudson.model.TaskListener;

/** Stand-in (compile only) that turns a TaskListener into a BuildListener. jenkins-api.md §2.3. */
public final class BuildListenerAdapter implements BuildListener {
    private static final long serialVersionUID = 1L;

    public BuildListenerAdapter(TaskListener delegate) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public static BuildListener wrap(TaskListener l) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @Override
    public java.io.PrintStream getLogger() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
