package hudson.model;

import java.io.IOException;

/**
 * Stand-in (compile only) of a freestyle-style project; jenkins-api.md §2.2 names it in signatures, and
 * {@code setCustomWorkspace} is from jenkinsci/jenkins, tag jenkins-2.541.3. Its generic bounds are core's; of its
 * interfaces only ParameterizedJob is kept (JenkinsRule's build methods need it); the constructor is a non-public
 * no-argument one.
 */
public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R>
        implements jenkins.model.ParameterizedJobMixIn.ParameterizedJob<P, R> {
    protected AbstractProject() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    /** A workspace of this project on some node that is online, or null; from jenkins-2.541.3 as above. */
    public final hudson.FilePath getSomeWorkspace() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public void setCustomWorkspace(String customWorkspace) throws IOException {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
