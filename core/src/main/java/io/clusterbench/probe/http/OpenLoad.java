package io.clusterbench.probe.http;

import io.clusterbench.control.StopSignal;
import io.clusterbench.probe.TimelineSampler;
import io.clusterbench.result.ErrorKind;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The open model: requests start at a fixed rate whatever the service does, each on an idle sender (a thread with
 * its own kept-alive connection), and each latency runs from the request's <em>intended</em> start, so a stall
 * counts against every request that should have been sent during it (coordinated omission corrected as wrk2
 * does).
 *
 * <p>Senders are created as needed up to {@link #MAX_IN_FLIGHT}. When all are busy, the schedule waits for one
 * and the requests it sends then are late, still measured from their intended start; a request that could not
 * start within its timeout is counted as a timeout without being sent.
 *
 * <p>The schedule begins with the warm-up: the requests it starts within {@code warmup}, at the same rate and on
 * the same senders, counted in the warm-up's tally (at least one request when there is a warm-up; at low rates the
 * warm-up ends with the interval of its last request). The measured requests follow on the same schedule, and
 * their count, time bound and elapsed time start where the warm-up's ended.
 */
final class OpenLoad {
    /** The most requests in flight at once, and so the most connections and sender threads. */
    static final int MAX_IN_FLIGHT = 1024;
    /** A request that starts more than this after its intended time counts as late. */
    static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private static final long SENDER_STACK_BYTES = 256 * 1024;
    private static final long STOP_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final Assignment QUIT = new Assignment(Long.MIN_VALUE, null);

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
    private final BlockingDeque<Sender> idle = new LinkedBlockingDeque<>();
    private final Queue<Sender> senders = new ConcurrentLinkedQueue<>();

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
     * Runs the schedule to its limit, or until the stop signal, waits for the requests in flight, and returns.
     *
     * @param timeline told when the measured part begins
     */
    LoadTimes run(TimelineSampler timeline) {
        long requests = limit.requests().orElse(Long.MAX_VALUE);
        // The requests whose intended start falls within the warm-up.
        long warmups = pace.dueBefore(warmup.toNanos());
        long start = System.nanoTime();
        long measuredFrom = start + pace.offsetNanos(warmups);
        timeline.measuringFrom(measuredFrom);
        long scheduled = 0;
        try {
            for (; scheduled - warmups < requests; scheduled++) {
                boolean warming = scheduled < warmups;
                long offset = pace.offsetNanos(scheduled);
                if (!warming && !limit.counted() && offset - (measuredFrom - start) >= limit.duration().toNanos()) {
                    break;
                }
                Tally counted = warming ? warmupTally : tally;
                long intended = start + offset;
                if (!awaitUnlessStopped(intended)) {
                    break;
                }
                if (System.nanoTime() - intended > LATE_NANOS && (!idle.isEmpty() || senders.size() < maxInFlight)) {
                    counted.generatorLate(); // late with a connection free: the schedule itself fell behind
                }
                Sender sender = idleSender(intended);
                if (stop.raised()) {
                    if (sender != null) {
                        idle.offerFirst(sender);
                    }
                    break;
                }
                if (sender == null || System.nanoTime() - intended >= timeout) {
                    if (sender != null) {
                        idle.offerFirst(sender);
                    }
                    // Every request of this phase whose timeout has passed by now can no longer start within it:
                    // counted at once, so that a rate far beyond what the service answers ends with the duration
                    // rather than after one failed (or instantly timed-out) send per wanted request: rate 10^6 for
                    // 1 s against a stalled server took 28 s so.
                    long phaseEnd = warming ? warmups : limit.counted() ? warmups + Math.min(requests,
                            Long.MAX_VALUE - warmups)
                            : pace.dueBefore(measuredFrom - start + limit.duration().toNanos());
                    long expired = pace.dueBefore(System.nanoTime() - timeout - start + 1);
                    long count = Math.max(1, Math.min(phaseEnd, expired) - scheduled);
                    counted.unstarted(count, new ExchangeFailure(ErrorKind.TIMEOUT, "could not send "
                            + plan.method() + " " + plan.target() + " (service " + plan.serviceId()
                            + ") within the timeout of " + HttpConnection.seconds(plan.timeout()) + ": all "
                            + maxInFlight + " connections were waiting for answers; lower the rate or raise the"
                            + " timeout"));
                    if (sender != null) {
                        counted.generatorLate(count); // a connection was free: the schedule itself fell behind
                    }
                    scheduled += count - 1;
                    continue;
                }
                sender.assign(new Assignment(intended, counted));
            }
            long sendingEnd = System.nanoTime();
            // A stop during the warm-up leaves no measured time at all.
            long measured = Math.min(sendingEnd, measuredFrom);
            long scheduledNanos = Math.max(0, pace.offsetNanos(scheduled) - pace.offsetNanos(warmups));
            double sendingSeconds = Math.max(sendingEnd - measured, scheduledNanos) / 1e9;
            awaitInFlight();
            return new LoadTimes((System.nanoTime() - measured) / 1e9, sendingSeconds, (measured - start) / 1e9);
        } finally {
            senders.forEach(Sender::quit);
            Workers.closeAll(senders.stream().map(sender -> sender.connection).toList());
        }
    }

    /** Waits until the intended time; false when the stop signal came first. */
    private boolean awaitUnlessStopped(long intended) {
        for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
            if (stop.raised()) {
                return false;
            }
            LockSupport.parkNanos(Math.min(wait, STOP_CHECK_NANOS));
        }
        return !stop.raised();
    }

    /** An idle sender, a new one while under the limit, or the first to come free; null when none before the timeout. */
    private Sender idleSender(long intended) {
        Sender sender = idle.pollFirst();
        if (sender != null) {
            return sender;
        }
        if (senders.size() < maxInFlight) {
            return newSender();
        }
        long deadline = intended + timeout;
        try {
            for (long left = deadline - System.nanoTime(); left > 0 && !stop.raised();
                    left = deadline - System.nanoTime()) {
                sender = idle.pollFirst(Math.min(left, STOP_CHECK_NANOS), TimeUnit.NANOSECONDS);
                if (sender != null) {
                    return sender;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.raise();
        }
        return null;
    }

    private Sender newSender() {
        Sender sender = new Sender(new ReusableConnection(plan));
        senders.add(sender);
        Thread thread = new Thread(null, sender, threadName + "-" + senders.size(), SENDER_STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        return sender;
    }

    /**
     * Waits until every sender is idle again: each request ends by its deadline, at most a timeout after the last
     * intended start; a second more covers a write stuck on a full socket buffer, ended by closing the sockets.
     */
    private void awaitInFlight() {
        long deadline = System.nanoTime() + timeout + TimeUnit.SECONDS.toNanos(1);
        while (idle.size() < senders.size()) {
            if (System.nanoTime() - deadline > 0) {
                Workers.closeAll(senders.stream().map(sender -> sender.connection).toList());
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** One request for a sender: when it was meant to start, and the tally of its phase. */
    private record Assignment(long intended, Tally tally) {
    }

    /** A thread with its own connection that sends the requests assigned to it, one at a time. */
    private final class Sender implements Runnable {
        private final ReusableConnection connection;
        private final BlockingQueue<Assignment> assigned = new ArrayBlockingQueue<>(1);

        Sender(ReusableConnection connection) {
            this.connection = connection;
        }

        void assign(Assignment assignment) {
            assigned.add(assignment);
        }

        void quit() {
            assigned.offer(QUIT);
        }

        @Override
        public void run() {
            try (connection) {
                while (true) {
                    Assignment assignment = assigned.take();
                    if (assignment == QUIT) {
                        return;
                    }
                    send(assignment.intended(), assignment.tally());
                    idle.offerFirst(this);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void send(long intended, Tally counted) {
            if (System.nanoTime() - intended > LATE_NANOS) {
                counted.late();
            }
            counted.sent();
            try {
                int status = connection.exchange(intended + timeout);
                counted.response(status, System.nanoTime() - intended);
            } catch (ExchangeFailure failure) {
                counted.failure(failure);
            }
        }
    }
}
