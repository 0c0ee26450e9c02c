package jenkins;

import jenkins.agents.ControllerToAgentFileCallable;

/** Stand-in (compile only) of the base class for work run on an agent's files. jenkins-api.md §2.4. */
public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T> {
    private static final long serialVersionUID = 1L;
}
