package io.clusterbench.probe.http;

import io.clusterbench.control.StopSignal;
import io.clusterbench.probe.TimelineSampler;
import io.clusterbench.result.ErrorKind;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The closed model: a fixed number of kept-alive connections, each sending the next request as soon as the
 * previous answer arrived, shared out over one {@link EventLoop} per core (fewer for fewer connections). Latency runs from the moment a request is sent to the end of
 * its response, so a slow period is seen by only as many requests as there are workers (coordinated omission, by
 * design of this model).
 *
 * <p>The connections first send for {@code warmup} on the same connections, into the warm-up's tally; the count, the
 * time bound and the elapsed time of the measured part start when it ends. A request belongs to the phase in which
 * it was sent.
 *
 * @param plan what each request sends and its timeout
 * @param concurrency how many connections
 * @param limit how many requests or how long
 * @param warmup how long to send before the measured part; zero for no warm-up
 * @param tally where every measured answer is counted
 * @param warmupTally where every answer of the warm-up is counted
 * @param stop ends the load early
 * @param threadName the prefix of the loops' thread names
 */
record ClosedLoad(RequestPlan plan, int concurrency, LoadLimit limit, Duration warmup, Tally tally,
        Tally warmupTally, StopSignal stop, String threadName) {
    /** How long a connection waits before connecting again after a refusal, so that a down service costs no CPU. */
    private static final long UNREACHABLE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /**
     * Runs the load to its limit, or until the stop signal, and returns how long it took. A request in flight at
     * the end or the stop ends by its answer or its timeout.
     *
     * @param timeline told when the measured part begins
     */
    LoadTimes run(TimelineSampler timeline) {
        AtomicLong remaining = new AtomicLong(limit.requests().orElse(Long.MAX_VALUE));
        long start = System.nanoTime();
        long measuredFrom = start + warmup.toNanos();
        timeline.measuringFrom(measuredFrom);
        long end = limit.counted() ? Long.MAX_VALUE : measuredFrom + limit.duration().toNanos();
        InetSocketAddress address = new InetSocketAddress(plan.host(), plan.port());
        int loopCount = Math.min(concurrency, Runtime.getRuntime().availableProcessors());
        List<EventLoop> loops = new ArrayList<>();
        for (int i = 0; i < loopCount; i++) {
            EventLoop loop = new EventLoop();
            int share = concurrency / loopCount + (i < concurrency % loopCount ? 1 : 0);
            Share driver = new Share(remaining, measuredFrom, end);
            for (int c = 0; c < share; c++) {
                driver.connections.add(loop.connection(plan, address, driver));
            }
            loop.drive(driver);
            loops.add(loop);
        }
        EventLoop.runAll(loops, threadName, stop);
        long ended = System.nanoTime();
        // A stop during the warm-up leaves no measured time at all.
        long measured = Math.min(ended, measuredFrom);
        return new LoadTimes((ended - measured) / 1e9, -1, (measured - start) / 1e9);
    }

    /** A connection resting after a refusal, until {@code until}. */
    private record Pause(Connection connection, long until) {
    }

    /** One loop's connections, each sending again as soon as its answer (or failure) came. */
    private final class Share implements EventLoop.Driver, Connection.Listener {
        private final List<Connection> connections = new ArrayList<>();
        private final ArrayDeque<Pause> paused = new ArrayDeque<>();
        private final AtomicLong remaining;
        private final long measuredFrom;
        private final long end;
        private final long timeout = plan.timeout().toNanos();
        private boolean started;
        private int inFlight;

        Share(AtomicLong remaining, long measuredFrom, long end) {
            this.remaining = remaining;
            this.measuredFrom = measuredFrom;
            this.end = end;
        }

        @Override
        public long sendDue(long now) {
            if (!started) {
                started = true;
                connections.forEach(connection -> next(connection, now));
            }
            while (!paused.isEmpty() && now - paused.peek().until() >= 0) {
                next(paused.poll().connection(), now);
            }
            return paused.isEmpty() ? Long.MAX_VALUE : paused.peek().until();
        }

        @Override
        public boolean finished() {
            return started && inFlight == 0 && (paused.isEmpty() || stop.raised());
        }

        @Override
        public void answered(Connection connection, int status, long now) {
            inFlight--;
            connection.tally().response(status, now - connection.origin());
            next(connection, now);
        }

        @Override
        public void failed(Connection connection, ExchangeFailure failure, long now) {
            inFlight--;
            connection.tally().failure(failure);
            if (failure.kind() == ErrorKind.UNREACHABLE) {
                paused.add(new Pause(connection, Math.min(end, now + UNREACHABLE_PAUSE_NANOS)));
            } else {
                next(connection, now);
            }
        }

        /** Sends the connection's next request, unless the load is over. A request belongs to the phase it starts in. */
        private void next(Connection connection, long now) {
            if (stop.raised()) {
                return;
            }
            boolean warming = now - measuredFrom < 0;
            if (!warming && (limit.counted() ? remaining.getAndDecrement() <= 0 : now - end >= 0)) {
                return;
            }
            Tally counted = warming ? warmupTally : tally;
            counted.sent();
            inFlight++;
            connection.send(now, now + timeout, counted);
        }
    }
}
