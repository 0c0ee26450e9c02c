package io.clusterbench.probe.redis;

import java.util.concurrent.TimeUnit;

/**
 * The open model's timetable of one client: its batches are meant to start every {@code clients x pipeline / rate}
 * seconds, the clients' timetables staggered evenly across one interval so that together they send at the rate.
 * Each batch's latency runs from its intended start, so a server stall counts against every batch that should have
 * been sent during it (coordinated omission corrected, as the http probe's open model and wrk2 do).
 *
 * <p>A batch sent more than {@link #LATE_NANOS} after its intended start is late. It is the generator's own fault
 * ({@code generator_late}) when the client's connection was already free at the intended start: nothing but the
 * generator kept it from sending. Late batches behind a busy connection are the server's doing.
 */
final class Schedule {
    /** Late as the http probe's open model counts it, so that late_ops and late_requests mean the same. */
    static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final double intervalNanos;
    private final double phaseNanos;
    private long start;
    private boolean started;
    private long batches;
    /** When the connection last became free to send: a batch's replies were read, or it was (re)opened. */
    private long freeSince;
    private long sent;
    private long late;
    private long generatorLate;
    private long lastSend;

    /**
     * @param intervalNanos between two batches of this client
     * @param index the client's number among {@code clients}, which staggers its timetable
     */
    Schedule(double intervalNanos, int index, int clients) {
        this.intervalNanos = intervalNanos;
        this.phaseNanos = intervalNanos * index / clients;
    }

    /** The time the timetable counts from, the load's start signal; taken once. */
    void startAt(long nanos) {
        if (!started) {
            start = nanos;
            started = true;
        }
    }

    /** When the next batch is meant to start ({@link System#nanoTime()}). */
    long intended() {
        return start + (long) (phaseNanos + batches * intervalNanos);
    }

    /** Moves on to the next batch without sending this one (it could not start within the timeout). */
    void skip() {
        batches++;
    }

    /**
     * Records that the batch due now was written at {@code now} with {@code size} commands, and moves on.
     *
     * @param measured whether it belongs to the measured part (the warm-up's are not counted)
     */
    void sent(long now, int size, boolean measured) {
        long intended = intended();
        batches++;
        if (!measured) {
            return;
        }
        sent += size;
        lastSend = now;
        if (now - intended > LATE_NANOS) {
            late += size;
            if (freeSince - intended <= 0) {
                generatorLate += size;
            }
        }
    }

    /** Called when the connection can send again. */
    void free(long now) {
        freeSince = now;
    }

    long sentCommands() {
        return sent;
    }

    long lateCommands() {
        return late;
    }

    long generatorLateCommands() {
        return generatorLate;
    }

    /** When the last measured batch was written, or 0 when none was. */
    long lastSend() {
        return lastSend;
    }
}
