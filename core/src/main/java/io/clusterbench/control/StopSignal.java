package io.clusterbench.control;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Raised once when a run must stop (Ctrl-C, SIGTERM, a step aborted in Jenkins); load loops check it between
 * requests, so that the load stops within about one request timeout and what was measured is kept.
 */
public final class StopSignal {
    private final AtomicBoolean raised = new AtomicBoolean();

    /** Asks every probe of the run to stop. */
    public void raise() {
        raised.set(true);
    }

    /** Whether the run must stop. */
    public boolean raised() {
        return raised.get();
    }
}
