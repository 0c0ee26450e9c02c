package hudson.remoting;

import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;

/**
 * Stand-in (compile only) of work sent over a remoting channel to run on the other side. The real one also has
 * default getChannelOrFail() and getOpenChannelOrFail(), left out as nothing here uses them. jenkins-api.md §2.4.
 */
public interface Callable<V, T extends Throwable> extends Serializable, RoleSensitive {
    V call() throws T;
}
