package hudson.remoting;

/** Stand-in (compile only) of a remoting channel; no method of it is used by the plugin. jenkins-api.md §2.4. */
public interface VirtualChannel {
}
