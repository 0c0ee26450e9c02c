package io.clusterbench.probe.redis;

import io.clusterbench.probe.TimelineRecorder;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * What one client of the load recorded, apart from every other client's so that the hot path shares nothing:
 * latencies, answered and failed commands per slot of the mix in the measured part, and the warm-up's own record
 * (one histogram for all commands, since only its own p50 and p99 are reported).
 *
 * <p>Every batch is also counted in its phase's timeline record, which the client's driver thread shares with its
 * other clients and alone writes ({@link LoadTimeline}).
 */
final class ClientRecord {
    private final int kinds;
    private final TimelineRecorder warmupTimeline;
    private final TimelineRecorder measuredTimeline;
    private final AbstractHistogram[] latencies;
    private final long[] succeeded;
    private final long[] failed;
    private final AbstractHistogram warmupLatencies = new IntCountsHistogram(RedisLoad.MAX_MICROS, 3);
    private long warmupSucceeded;
    private long warmupFailed;
    /**
     * The open model's service time of each measured batch answered, from its actual send to its last reply, in µs:
     * unlike its latency (from its intended send), it leaves out the wait for a free connection, so it is what the
     * server and the network took, which bounds what the clients can carry (Little's law).
     */
    private final AbstractHistogram service = new IntCountsHistogram(RedisLoad.MAX_MICROS, 3);

    /** @param warmupTimeline and {@code measuredTimeline}: the timeline records of the thread that drives it */
    ClientRecord(int kinds, TimelineRecorder warmupTimeline, TimelineRecorder measuredTimeline) {
        this.kinds = kinds;
        this.warmupTimeline = warmupTimeline;
        this.measuredTimeline = measuredTimeline;
        this.latencies = new AbstractHistogram[kinds];
        for (int slot = 0; slot < kinds; slot++) {
            // Int counts halve the memory of 50 clients x 8 commands; one client cannot record 2^31 values per bucket.
            latencies[slot] = new IntCountsHistogram(RedisLoad.MAX_MICROS, 3);
        }
        this.succeeded = new long[kinds];
        this.failed = new long[kinds];
    }

    /**
     * Counts the commands of a batch the load started: written to the connection, or (in the open model) due but
     * failed unsent, so that the timeline's offered shows the rate the timetable offered.
     */
    void offered(int commands, boolean warmup) {
        timeline(warmup).offered(commands);
    }

    /** Records the answered commands of a batch, {@code inBatch} per slot, each with the batch's latency in ns. */
    void answered(long nanos, int[] inBatch, boolean warmup) {
        long micros = Math.min(nanos / 1000, RedisLoad.MAX_MICROS);
        int answered = 0;
        for (int slot = 0; slot < kinds; slot++) {
            answered += inBatch[slot];
        }
        timeline(warmup).achieved(nanos, answered);
        if (warmup) {
            if (answered > 0) {
                warmupLatencies.recordValueWithCount(micros, answered);
                warmupSucceeded += answered;
            }
            return;
        }
        for (int slot = 0; slot < kinds; slot++) {
            if (inBatch[slot] > 0) {
                latencies[slot].recordValueWithCount(micros, inBatch[slot]);
                succeeded[slot] += inBatch[slot];
            }
        }
    }

    /** Records the service time of a measured batch of the open model whose replies were read. */
    void served(long nanos) {
        service.recordValue(Math.min(Math.max(0, nanos / 1000), RedisLoad.MAX_MICROS));
    }

    /** Counts failed commands of one slot, in the warm-up's record or the measured one. */
    void failed(int slot, int commands, boolean warmup) {
        timeline(warmup).failed(commands);
        if (warmup) {
            warmupFailed += commands;
        } else {
            failed[slot] += commands;
        }
    }

    private TimelineRecorder timeline(boolean warmup) {
        return warmup ? warmupTimeline : measuredTimeline;
    }

    AbstractHistogram[] latencies() {
        return latencies;
    }

    long[] succeeded() {
        return succeeded;
    }

    long[] failed() {
        return failed;
    }

    AbstractHistogram service() {
        return service;
    }

    AbstractHistogram warmupLatencies() {
        return warmupLatencies;
    }

    long warmupSucceeded() {
        return warmupSucceeded;
    }

    long warmupFailed() {
        return warmupFailed;
    }
}
