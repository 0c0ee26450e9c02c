package io.jenkins.plugins.clusterbench;

import hudson.model.AbstractProject;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;

/** What every Cluster Bench freestyle build step's descriptor says: it fits any kind of project. */
public abstract class ClusterBenchBuilderDescriptor extends BuildStepDescriptor<Builder> {

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isApplicable(Class<? extends AbstractProject> jobType) {
        return true;
    }
}
