package io.clusterbench.probe.http;

import io.clusterbench.control.StopSignal;
import io.clusterbench.result.ErrorKind;
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
 */
final class OpenLoad {
    /** The most requests in flight at once, and so the most connections and sender threads. */
    static final int MAX_IN_FLIGHT = 1024;
    /** A request that starts more than this after its intended time counts as late. */
    static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private static final long SENDER_STACK_BYTES = 256 * 1024;
    private static final long STOP_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long QUIT = Long.MIN_VALUE;

    private final RequestPlan plan;
    private final double rate;
    private final LoadLimit limit;
    private final int maxInFlight;
    private final Tally tally;
    private final StopSignal stop;
    private final String threadName;
    private final long timeout;
    private final BlockingDeque<Sender> idle = new LinkedBlockingDeque<>();
    private final Queue<Sender> senders = new ConcurrentLinkedQueue<>();

    OpenLoad(RequestPlan plan, double rate, LoadLimit limit, int maxInFlight, Tally tally, StopSignal stop,
            String threadName) {
        this.plan = plan;
        this.rate = rate;
        this.limit = limit;
        this.maxInFlight = maxInFlight;
        this.tally = tally;
        this.stop = stop;
        this.threadName = threadName;
        this.timeout = plan.timeout().toNanos();
    }

    /** Runs the schedule to its limit, or until the stop signal, waits for the requests in flight, and returns. */
    LoadTimes run() {
        double interval = 1e9 / rate;
        long requests = limit.requests().orElse(Long.MAX_VALUE);
        long start = System.nanoTime();
        long scheduled = 0;
        try {
            for (; scheduled < requests; scheduled++) {
                long offset = (long) (scheduled * interval);
                if (!limit.counted() && offset >= limit.duration().toNanos()) {
                    break;
                }
                long intended = start + offset;
                if (!awaitUnlessStopped(intended)) {
                    break;
                }
                Sender sender = idleSender(intended);
                if (stop.raised()) {
                    if (sender != null) {
                        idle.offerFirst(sender);
                    }
                    break;
                }
                if (sender == null) {
                    tally.late();
                    tally.failure(new ExchangeFailure(ErrorKind.TIMEOUT, "could not send " + plan.method() + " "
                            + plan.target() + " (service " + plan.serviceId() + ") within the timeout of "
                            + HttpConnection.seconds(plan.timeout()) + ": all " + maxInFlight
                            + " connections were waiting for answers; lower the rate or raise the timeout"));
                    continue;
                }
                sender.assign(intended);
            }
            long sendingEnd = System.nanoTime();
            double sendingSeconds = Math.max(sendingEnd - start, scheduled * interval) / 1e9;
            awaitInFlight();
            return new LoadTimes((System.nanoTime() - start) / 1e9, sendingSeconds);
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

    /** A thread with its own connection that sends the requests assigned to it, one at a time. */
    private final class Sender implements Runnable {
        private final ReusableConnection connection;
        private final BlockingQueue<Long> assigned = new ArrayBlockingQueue<>(1);

        Sender(ReusableConnection connection) {
            this.connection = connection;
        }

        void assign(long intended) {
            assigned.add(intended);
        }

        void quit() {
            assigned.offer(QUIT);
        }

        @Override
        public void run() {
            try (connection) {
                while (true) {
                    long intended = assigned.take();
                    if (intended == QUIT) {
                        return;
                    }
                    send(intended);
                    idle.offerFirst(this);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void send(long intended) {
            if (System.nanoTime() - intended > LATE_NANOS) {
                tally.late();
            }
            tally.sent();
            try {
                int status = connection.exchange(intended + timeout);
                tally.response(status, System.nanoTime() - intended);
            } catch (ExchangeFailure failure) {
                tally.failure(failure);
            }
        }
    }
}
