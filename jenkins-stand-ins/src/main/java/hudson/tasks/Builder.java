package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

/**
 * Stand-in (compile only) of a freestyle build step; jenkins-api.md §2.2. {@code prebuild(Build, BuildListener)} and
 * {@code all()} are left out: nothing here uses them.
 */
public abstract class Builder extends BuildStepCompatibilityLayer implements Describable<Builder>, ExtensionPoint {
    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @Override
    public Descriptor<Builder> getDescriptor() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
