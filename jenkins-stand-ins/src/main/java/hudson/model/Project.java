package hudson.model;

import hudson.tasks.Builder;
import hudson.util.DescribableList;

/**
 * Stand-in (compile only, tests) of a project with a list of build steps. Not in jenkins-api.md: signatures from jenkinsci/jenkins, tag jenkins-2.541.3, core/src/main/java/hudson/model/Project.java.
 * Its interfaces (SCMTriggerItem, Saveable, ...) are left out; the constructor is a non-public no-argument one.
 */
public abstract class Project<P extends Project<P, B>, B extends Build<P, B>> extends AbstractProject<P, B> {
    protected Project() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public DescribableList<Builder, Descriptor<Builder>> getBuildersList() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
