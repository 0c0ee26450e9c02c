package org.jenkinsci.plugins.workflow.job;

import hudson.model.Job;
import hudson.model.TopLevelItem;
import jenkins.model.ParameterizedJobMixIn;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

/**
 * Stand-in (compile only, tests) of a Pipeline job; jenkins-api.md §1.4. The real constructor takes an ItemGroup; tests
 * create jobs through JenkinsRule, so none is declared here.
 */
public final class WorkflowJob extends Job<WorkflowJob, WorkflowRun>
        implements ParameterizedJobMixIn.ParameterizedJob<WorkflowJob, WorkflowRun>, TopLevelItem {

    private WorkflowJob() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public void setDefinition(FlowDefinition definition) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
