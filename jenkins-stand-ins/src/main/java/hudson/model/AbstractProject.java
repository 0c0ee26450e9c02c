package hudson.model;

/**
 * Stand-in (compile only) of a freestyle-style project; only named in signatures (jenkins-api.md §2.2). Its generic
 * bounds are core's; its many interfaces are left out, and the constructor is a non-public no-argument one.
 */
public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R> {
    protected AbstractProject() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
