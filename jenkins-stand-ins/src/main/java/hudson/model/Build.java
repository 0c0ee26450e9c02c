package hudson.model;

import java.io.IOException;

/** Stand-in (compile only, tests) of a build of a {@link Project}. Not in jenkins-api.md: signatures from jenkinsci/jenkins, tag jenkins-2.541.3, core/src/main/java/hudson/model/Build.java. */
public abstract class Build<P extends Project<P, B>, B extends Build<P, B>> extends AbstractBuild<P, B> {
    protected Build(P project) throws IOException {
        super(project);
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
