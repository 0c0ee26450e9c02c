package hudson.model;

/**
 * Stand-in (compile only) of the build queue; only its nested Executable is used, as a bound in JenkinsRule. The real
 * one extends ResourceController.
 */
public class Queue {

    private Queue() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    /** Stand-in of something the queue runs, such as a build. */
    public interface Executable extends Runnable {
    }

    /** Stand-in of something that can be queued, such as a job; jenkins-api.md §2.5. Its supertypes are left out. */
    public interface Task {
    }
}
