package io.clusterbench.probe.http;

import io.clusterbench.control.StopSignal;
import io.clusterbench.probe.TimelineSampler;
import io.clusterbench.result.ErrorKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The closed model: a fixed number of workers, each with its own kept-alive connection, each sending the next
 * request as soon as the previous answer arrived. Latency runs from the moment a request is sent to the end of
 * its response, so a slow period is seen by only as many requests as there are workers (coordinated omission, by
 * design of this model).
 *
 * <p>The workers first send for {@code warmup} on the same connections, into the warm-up's tally; the count, the
 * time bound and the elapsed time of the measured part start when it ends. A request belongs to the phase in which
 * it was sent.
 *
 * @param plan what each request sends and its timeout
 * @param concurrency how many workers, each with its own connection
 * @param limit how many requests or how long
 * @param warmup how long to send before the measured part; zero for no warm-up
 * @param tally where every measured answer is counted
 * @param warmupTally where every answer of the warm-up is counted
 * @param stop ends the load early
 * @param threadName the prefix of the workers' thread names
 */
record ClosedLoad(RequestPlan plan, int concurrency, LoadLimit limit, Duration warmup, Tally tally,
        Tally warmupTally, StopSignal stop, String threadName) {
    /** How long a worker waits before connecting again after a refused connection, so that a down service costs no CPU. */
    private static final long UNREACHABLE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /**
     * Runs the load to its limit, or until the stop signal, and returns how long it took.
     *
     * @param timeline told when the measured part begins
     */
    LoadTimes run(TimelineSampler timeline) {
        long timeout = plan.timeout().toNanos();
        AtomicLong remaining = new AtomicLong(limit.requests().orElse(Long.MAX_VALUE));
        long start = System.nanoTime();
        long measuredFrom = start + warmup.toNanos();
        timeline.measuringFrom(measuredFrom);
        long end = limit.counted() ? Long.MAX_VALUE : measuredFrom + limit.duration().toNanos();
        List<ReusableConnection> connections = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            ReusableConnection connection = new ReusableConnection(plan);
            connections.add(connection);
            Thread worker = new Thread(() -> work(connection, remaining, measuredFrom, end, timeout),
                    threadName + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        // A request never outlives its timeout, so a worker ends at most a timeout after the load's end or a stop;
        // the extra second covers a write stuck on a full socket buffer, which only closing the socket ends.
        long grace = timeout + TimeUnit.SECONDS.toNanos(1);
        Workers.await(workers, connections, stop, end == Long.MAX_VALUE ? Long.MAX_VALUE : end + grace, grace);
        long ended = System.nanoTime();
        // A stop during the warm-up leaves no measured time at all.
        long measured = Math.min(ended, measuredFrom);
        return new LoadTimes((ended - measured) / 1e9, -1, (measured - start) / 1e9);
    }

    private void work(ReusableConnection connection, AtomicLong remaining, long measuredFrom, long end,
            long timeout) {
        try (connection) {
            while (!stop.raised()) {
                boolean warming = System.nanoTime() - measuredFrom < 0;
                if (!warming && (limit.counted() ? remaining.getAndDecrement() <= 0 : System.nanoTime() >= end)) {
                    return;
                }
                Tally counted = warming ? warmupTally : tally;
                long sentAt = System.nanoTime();
                counted.sent();
                try {
                    int status = connection.exchange(sentAt + timeout);
                    counted.response(status, System.nanoTime() - sentAt);
                } catch (ExchangeFailure failure) {
                    counted.failure(failure);
                    if (failure.kind() == ErrorKind.UNREACHABLE) {
                        pauseUnlessStopped(Math.min(end, System.nanoTime() + UNREACHABLE_PAUSE_NANOS));
                    }
                }
            }
        }
    }

    private void pauseUnlessStopped(long until) {
        for (long left = until - System.nanoTime(); left > 0 && !stop.raised(); left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
