package jenkins.security;

import jenkins.agents.ControllerToAgentCallable;

/** Stand-in (compile only) of the base class for a callable run on an agent. jenkins-api.md §2.4. */
public abstract class MasterToSlaveCallable<V, T extends Throwable> implements ControllerToAgentCallable<V, T> {
    private static final long serialVersionUID = 1L;
}
