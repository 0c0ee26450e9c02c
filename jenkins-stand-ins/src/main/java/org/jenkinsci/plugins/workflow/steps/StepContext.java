package org.jenkinsci.plugins.workflow.steps;

import java.io.IOException;
import java.io.Serializable;

/**
 * Stand-in (compile only) of a running step's context; jenkins-api.md §2.1. The real class also implements Guava's
 * FutureCallback; no method of it is used here, so Guava is not needed.
 */
public abstract class StepContext implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;
}
