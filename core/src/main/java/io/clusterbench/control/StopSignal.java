package io.clusterbench.control;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Raised once when a run must stop (Ctrl-C, SIGTERM, a step aborted in Jenkins); load loops check it between
 * requests, so that the load stops within about one request timeout and what was measured is kept.
 *
 * <p>A probe runs under a {@link #child()} of the run's signal: raised with the run's, or alone when an objective
 * marked {@code abortOnFail} aborts that probe's load ({@link #abort}), which leaves the other probes running.
 */
public final class StopSignal {
    private final AtomicBoolean raised = new AtomicBoolean();
    private final AtomicReference<String> abortReason = new AtomicReference<>();
    private final StopSignal parent;

    /** A run's signal. */
    public StopSignal() {
        this(null);
    }

    private StopSignal(StopSignal parent) {
        this.parent = parent;
    }

    /** A signal raised whenever this one is, and that can also be raised alone: one probe's. */
    public StopSignal child() {
        return new StopSignal(this);
    }

    /** Asks every probe of the run to stop. */
    public void raise() {
        raised.set(true);
    }

    /** Stops the load under this signal because it is certainly failing; {@code why} says which objective and how. */
    public void abort(String why) {
        abortReason.compareAndSet(null, why);
        raised.set(true);
    }

    /** Whether the run (or this probe's load) must stop. */
    public boolean raised() {
        return raised.get() || parent != null && parent.raised();
    }

    /** Why the load was aborted, when {@link #abort} raised this signal rather than a stop of the run. */
    public Optional<String> abortReason() {
        return Optional.ofNullable(abortReason.get());
    }
}
