package hudson.model;

/** Stand-in (compile only) of a job; jenkins-api.md §2.3. The real one extends AbstractItem. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements hudson.ExtensionPoint {

    protected Job() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public String getUrl() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public RunT getLastBuild() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
