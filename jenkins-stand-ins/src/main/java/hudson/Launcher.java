package hudson;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;

/** Stand-in (compile only) of what starts processes on a node; the plugin only passes it on. jenkins-api.md §2.4. */
public abstract class Launcher {

    protected Launcher(TaskListener listener, VirtualChannel channel) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
