package hudson.model;

/** Stand-in (compile only) of a build's listener; its default methods are not used. jenkins-api.md §2.3. */
public interface BuildListener extends TaskListener {
}
