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

/**
 * The open model: requests start at a fixed rate (or along a continuous ramp, see {@link Pace}) whatever the
 * service does, each on an idle kept-alive connection (a new one while under {@link #MAX_IN_FLIGHT}), and each latency runs from the request's <em>intended</em> start,
 * so a stall counts against every request that should have been sent during it (coordinated omission corrected as
 * wrk2 does).
 *
 * <p>The schedule is shared out over one {@link EventLoop} per core: loop {@code k} of {@code n} sends requests
 * {@code k, k + n, k + 2n, ...}, each at {@code start + i / rate}, on connections of its own (the bound on requests
 * in flight is shared out too). When all of a loop's connections are busy its next request waits for one, and is
 * late, still measured from its intended start; a request that could not start within its timeout is counted as a
 * timeout without being sent, together with every later one of its phase whose timeout has passed too.
 *
 * <p>The schedule begins with the warm-up: the requests it starts within {@code warmup}, at the same rate and on
 * the same connections, counted in the warm-up's tally (at least one request when there is a warm-up; at low rates
 * the warm-up ends with the interval of its last request). The measured requests follow on the same schedule, and
 * their count, time bound and elapsed time start where the warm-up's ended.
 */
final class OpenLoad {
    /**
     * The most requests in flight at once, and so the most connections: a bound of file descriptors and memory (a
     * connection holds a 16 KiB read buffer), no longer of threads; half of this machine's usual 20,000 open files.
     */
    static final int MAX_IN_FLIGHT = 10_000;
    /** A request that starts more than this after its intended time counts as late. */
    static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final RequestPlan plan;
    private final Pace pace;
    private final LoadLimit limit;
    private final Duration warmup;
    private final Tally warmupTally;
    private final int maxInFlight;
    private final Tally tally;
    private final StopSignal stop;
    private final String threadName;
    private final long timeout;
    private long start;
    private long warmups;
    /** The index after the last request of the schedule. */
    private long total;

    OpenLoad(RequestPlan plan, double rate, LoadLimit limit, Duration warmup, int maxInFlight, Tally tally,
            Tally warmupTally, StopSignal stop, String threadName) {
        this(plan, Pace.fixed(rate), limit, warmup, maxInFlight, tally, warmupTally, stop, threadName);
    }

    /** An open load whose requests are due as {@code pace} says (a continuous ramp's, for one). */
    OpenLoad(RequestPlan plan, Pace pace, LoadLimit limit, Duration warmup, int maxInFlight, Tally tally,
            Tally warmupTally, StopSignal stop, String threadName) {
        this.plan = plan;
        this.pace = pace;
        this.limit = limit;
        this.warmup = warmup;
        this.warmupTally = warmupTally;
        this.maxInFlight = maxInFlight;
        this.tally = tally;
        this.stop = stop;
        this.threadName = threadName;
        this.timeout = plan.timeout().toNanos();
    }

    /**
     * Runs the schedule to its limit, or until the stop signal, waits for the requests in flight (each ends by
     * its deadline), and returns.
     *
     * @param timeline told when the measured part begins
     */
    LoadTimes run(TimelineSampler timeline) {
        // The requests whose intended start falls within the warm-up.
        warmups = pace.dueBefore(warmup.toNanos());
        total = lastIndex();
        start = System.nanoTime();
        long measuredFrom = start + pace.offsetNanos(warmups);
        timeline.measuringFrom(measuredFrom);
        InetSocketAddress address = new InetSocketAddress(plan.host(), plan.port());
        int loopCount = Math.min(maxInFlight, Runtime.getRuntime().availableProcessors());
        List<EventLoop> loops = new ArrayList<>();
        List<Stripe> stripes = new ArrayList<>();
        for (int i = 0; i < loopCount; i++) {
            EventLoop loop = new EventLoop();
            int bound = maxInFlight / loopCount + (i < maxInFlight % loopCount ? 1 : 0);
            Stripe stripe = new Stripe(loop, address, i, loopCount, bound);
            loop.drive(stripe);
            loops.add(loop);
            stripes.add(stripe);
        }
        EventLoop.runAll(loops, threadName, stop);
        long ended = System.nanoTime();
        long sendingEnd = stripes.stream().mapToLong(stripe -> stripe.sendingEnd - start).max().orElse(0) + start;
        long scheduled = stripes.stream().mapToLong(Stripe::scheduled).sum();
        // A stop during the warm-up leaves no measured time at all.
        long measured = sendingEnd - measuredFrom < 0 ? sendingEnd : measuredFrom;
        long scheduledNanos = Math.max(0, pace.offsetNanos(scheduled) - pace.offsetNanos(warmups));
        double sendingSeconds = Math.max(sendingEnd - measured, scheduledNanos) / 1e9;
        return new LoadTimes((ended - measured) / 1e9, sendingSeconds, (measured - start) / 1e9);
    }

    /** The index after the schedule's last request: the warm-up's, then the measured ones by count or duration. */
    private long lastIndex() {
        if (limit.counted()) {
            return warmups + Math.min(limit.requests().getAsLong(), Long.MAX_VALUE - warmups);
        }
        long measuredOffset = pace.offsetNanos(warmups);
        long duration = limit.duration().toNanos();
        // The first request whose offset from the measured start reaches the duration is not sent.
        long last = Math.max(warmups, pace.dueBefore(measuredOffset + duration));
        while (last > warmups && pace.offsetNanos(last - 1) - measuredOffset >= duration) {
            last--;
        }
        while (pace.offsetNanos(last) - measuredOffset < duration) {
            last++;
        }
        return last;
    }

    /** One loop's share of the schedule: every {@code step}-th request from {@code first}, on its own connections. */
    private final class Stripe implements EventLoop.Driver, Connection.Listener {
        private final EventLoop loop;
        private final InetSocketAddress address;
        private final int first;
        private final int step;
        private final int bound;
        private final ArrayDeque<Connection> idle = new ArrayDeque<>();
        /** The index of this stripe's next request. */
        private long next;
        /** Whether the next request already found every connection busy: its lateness is the service's doing. */
        private boolean waitedForConnection;
        private int inFlight;
        private boolean sendingOver;
        private long sendingEnd;

        Stripe(EventLoop loop, InetSocketAddress address, int first, int step, int bound) {
            this.loop = loop;
            this.address = address;
            this.first = first;
            this.step = step;
            this.bound = bound;
            this.next = first;
        }

        @Override
        public long sendDue(long now) {
            while (!sendingOver) {
                if (stop.raised() || next >= total) {
                    sendingOver = true;
                    sendingEnd = now;
                    break;
                }
                long intended = start + pace.offsetNanos(next);
                if (intended - now > 0) {
                    return intended;
                }
                boolean warming = next < warmups;
                Tally counted = warming ? warmupTally : tally;
                Connection connection = idle.pollFirst();
                if (connection == null && loop.connections() < bound) {
                    connection = loop.connection(plan, address, this);
                }
                if (connection == null) {
                    if (now - intended < timeout) {
                        waitedForConnection = true;
                        return intended + timeout; // or earlier, when an answer frees a connection
                    }
                    unstarted(counted, warming, now, false);
                } else if (now - intended >= timeout) {
                    idle.addFirst(connection);
                    unstarted(counted, warming, now, true);
                } else {
                    if (now - intended > LATE_NANOS) {
                        if (!waitedForConnection) {
                            counted.generatorLate(); // late with a connection free: the schedule itself fell behind
                        }
                        counted.late();
                    }
                    waitedForConnection = false;
                    counted.sent();
                    inFlight++;
                    connection.send(intended, intended + timeout, counted);
                    next += step;
                }
            }
            return Long.MAX_VALUE;
        }

        @Override
        public boolean finished() {
            return sendingOver && inFlight == 0;
        }

        @Override
        public void answered(Connection connection, int status, long now) {
            inFlight--;
            connection.tally().response(status, now - connection.origin());
            idle.addFirst(connection);
        }

        @Override
        public void failed(Connection connection, ExchangeFailure failure, long now) {
            inFlight--;
            connection.tally().failure(failure);
            idle.addFirst(connection);
        }

        /** How many of the schedule's requests this stripe reached (sent or counted as unstarted). */
        long scheduled() {
            return next <= first ? 0 : (next - first + step - 1) / step;
        }

        /**
         * Counts the next request, and every later one of this stripe and phase whose timeout has passed by now, as
         * timeouts at once, so that a rate far beyond what the service answers ends with the duration rather than
         * after one failed send per wanted request (rate 10^6 for 1 s against a stalled server took 28 s so).
         */
        private void unstarted(Tally counted, boolean warming, long now, boolean connectionFree) {
            long phaseEnd = warming ? warmups : total;
            long expired = pace.dueBefore(now - timeout - start + 1);
            long count = Math.max(1, (Math.min(phaseEnd, expired) - next + step - 1) / step);
            counted.unstarted(count, new ExchangeFailure(ErrorKind.TIMEOUT, "could not send " + plan.method() + " "
                    + plan.target() + " (service " + plan.serviceId() + ") within the timeout of "
                    + plan.timeoutText() + ": all " + maxInFlight + " connections were waiting for answers;"
                    + " lower the rate or raise the timeout"));
            if (connectionFree) {
                counted.generatorLate(count); // a connection was free: the schedule itself fell behind
            }
            next += count * step;
            waitedForConnection = false;
        }
    }
}
