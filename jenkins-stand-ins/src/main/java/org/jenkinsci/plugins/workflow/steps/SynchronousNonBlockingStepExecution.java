package org.jenkinsci.plugins.workflow.steps;

/** Stand-in (compile only) of a step execution that runs on a background thread; jenkins-api.md §2.1. */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    private static final long serialVersionUID = 1L;

    protected SynchronousNonBlockingStepExecution(StepContext context) {
        super(context);
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
