package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** Stand-in (compile only) of a running step; jenkins-api.md §2.1. */
public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    protected StepExecution(StepContext context) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public StepContext getContext() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public abstract boolean start() throws Exception;
}
