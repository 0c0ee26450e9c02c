package io.clusterbench.probe.redis;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * What one client of the load recorded, apart from every other client's so that the hot path shares nothing:
 * latencies, answered and failed commands per slot of the mix in the measured part, and the warm-up's own record
 * (one histogram for all commands, since only its own p50 and p99 are reported).
 */
final class ClientRecord {
    private final int kinds;
    private final AbstractHistogram[] latencies;
    private final long[] succeeded;
    private final long[] failed;
    private final AbstractHistogram warmupLatencies = new IntCountsHistogram(RedisLoad.MAX_MICROS, 3);
    private long warmupSucceeded;
    private long warmupFailed;

    ClientRecord(int kinds) {
        this.kinds = kinds;
        this.latencies = new AbstractHistogram[kinds];
        for (int slot = 0; slot < kinds; slot++) {
            // Int counts halve the memory of 50 clients x 8 commands; one client cannot record 2^31 values per bucket.
            latencies[slot] = new IntCountsHistogram(RedisLoad.MAX_MICROS, 3);
        }
        this.succeeded = new long[kinds];
        this.failed = new long[kinds];
    }

    /** Records the answered commands of a batch, {@code inBatch} per slot, each with the batch's latency. */
    void answered(long micros, int[] inBatch, boolean warmup) {
        if (warmup) {
            int answered = 0;
            for (int slot = 0; slot < kinds; slot++) {
                answered += inBatch[slot];
            }
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

    /** Counts failed commands of one slot, in the warm-up's record or the measured one. */
    void failed(int slot, int commands, boolean warmup) {
        if (warmup) {
            warmupFailed += commands;
        } else {
            failed[slot] += commands;
        }
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
