package hudson;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import jenkins.security.SerializableOnlyOverRemoting;
import org.jenkinsci.remoting.RoleSensitive;

/** Stand-in (compile only) of a file or folder on the controller or an agent; jenkins-api.md §2.4. */
public final class FilePath implements SerializableOnlyOverRemoting {
    private static final long serialVersionUID = 1L;

    public FilePath(File localPath) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public String getRemote() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public boolean exists() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public <V, E extends Throwable> V act(hudson.remoting.Callable<V, E> callable)
            throws IOException, InterruptedException, E {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    /** Stand-in of the work that runs on the node holding the file. */
    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
