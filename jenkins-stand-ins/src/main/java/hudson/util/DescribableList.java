package hudson.util;

import hudson.model.Describable;
import hudson.model.Descriptor;

/** Stand-in (compile only, tests) of a job's list of build steps. Not in jenkins-api.md: signatures from jenkinsci/jenkins, tag jenkins-2.541.3, core/src/main/java/hudson/util/DescribableList.java. */
public class DescribableList<T extends Describable<T>, D extends Descriptor<T>> extends PersistedList<T> {
    protected DescribableList() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
