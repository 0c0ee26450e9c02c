package io.clusterbench.control;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of one probe, written by its load threads and read by the progress printer; lock-free so that
 * counting costs nothing measurable on the hot path.
 */
public final class ProbeProgress {
    private final String probe;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong total = new AtomicLong(-1);

    public ProbeProgress(String probe) {
        this.probe = probe;
    }

    /** The probe id. */
    public String probe() {
        return probe;
    }

    /** Sets how many operations the probe will do, when it knows; unknown (a duration-bound load) otherwise. */
    public void expect(long operations) {
        total.set(operations);
    }

    /** Counts one finished operation. */
    public void completed() {
        done.incrementAndGet();
    }

    /** Counts finished operations. */
    public void completed(long operations) {
        done.addAndGet(operations);
    }

    /** Counts one failed operation (it is also counted as finished by the caller when it was attempted). */
    public void failed() {
        errors.incrementAndGet();
    }

    /** A consistent-enough reading of the counters for display. */
    public Snapshot snapshot() {
        return new Snapshot(probe, done.get(), total.get(), errors.get());
    }

    /**
     * The counters at one moment.
     *
     * @param probe the probe id
     * @param done operations finished so far
     * @param total operations planned, or -1 when the load is bound by time
     * @param errors operations failed so far
     */
    public record Snapshot(String probe, long done, long total, long errors) {
    }
}
