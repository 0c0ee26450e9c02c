package org.jenkinsci.plugins.workflow.job;

import hudson.model.Queue;
import hudson.model.Run;
import java.io.IOException;

/** Stand-in (compile only, tests) of a Pipeline build; jenkins-api.md §1.4. Unused real supertypes are left out. */
public final class WorkflowRun extends Run<WorkflowJob, WorkflowRun> implements Queue.Executable {

    public WorkflowRun(WorkflowJob job) throws IOException {
        super(job);
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
