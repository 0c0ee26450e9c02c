package hudson.model;

/**
 * Stand-in (compile only, tests) of a freestyle job. Not in jenkins-api.md: signatures from jenkinsci/jenkins, tag jenkins-2.541.3, core/src/main/java/hudson/model/FreeStyleProject.java. Tests
 * create jobs through JenkinsRule, so the real constructors (which take an ItemGroup) are replaced by a private one.
 */
public class FreeStyleProject extends Project<FreeStyleProject, FreeStyleBuild> implements TopLevelItem {
    private FreeStyleProject() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
