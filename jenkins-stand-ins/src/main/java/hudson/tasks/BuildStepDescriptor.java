package hudson.tasks;

import hudson.model.AbstractProject;
import hudson.model.Describable;
import hudson.model.Descriptor;

/** Stand-in (compile only) of a freestyle build step's descriptor; jenkins-api.md §2.2. */
public abstract class BuildStepDescriptor<T extends BuildStep & Describable<T>> extends Descriptor<T> {
    protected BuildStepDescriptor() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    protected BuildStepDescriptor(Class<? extends T> clazz) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @SuppressWarnings("rawtypes")
    public abstract boolean isApplicable(Class<? extends AbstractProject> jobType);
}
