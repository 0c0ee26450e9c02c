package hudson.model;

import java.io.IOException;

/** Stand-in (compile only, tests) of a freestyle build. Not in jenkins-api.md: signatures from jenkinsci/jenkins, tag jenkins-2.541.3, core/src/main/java/hudson/model/FreeStyleBuild.java. */
public class FreeStyleBuild extends Build<FreeStyleProject, FreeStyleBuild> {
    public FreeStyleBuild(FreeStyleProject project) throws IOException {
        super(project);
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
