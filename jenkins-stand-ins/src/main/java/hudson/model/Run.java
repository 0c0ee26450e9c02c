package hudson.model;

import java.io.File;
import java.io.IOException;
import jenkins.model.ArtifactManager;

/** Stand-in (compile only) of one build of a job; jenkins-api.md §2.3. */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements hudson.ExtensionPoint, Comparable<RunT> {

    protected Run(JobT job) throws IOException {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public final ArtifactManager getArtifactManager() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public int compareTo(RunT that) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public final synchronized ArtifactManager pickArtifactManager() throws IOException {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public JobT getParent() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public File getRootDir() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public String getUrl() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public RunT getPreviousBuild() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public Result getResult() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public void setResult(Result r) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public boolean isBuilding() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
