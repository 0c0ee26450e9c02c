package io.clusterbench.probe.http;

import io.clusterbench.control.StopSignal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread's share of a load: a {@link Selector} over the non-blocking sockets of its {@link Connection}s, and a
 * {@link Driver} that decides what to send when. Each turn it lets the driver send what is due, fails requests past
 * their deadline, and waits for the sockets until the driver's next send, at most {@link #STOP_CHECK_NANOS}.
 *
 * <p>Why an event loop: a thread per connection (the probe's earlier design) spent the machine's cores switching
 * between a thousand threads, and wrk reached far more with two; here a load has at most one loop per core,
 * whatever its connections, and allocates nothing per request on the loop's path.
 */
final class EventLoop implements Runnable {
    /** How often requests in flight are checked against their deadlines: the precision of a timeout. */
    private static final long DEADLINE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** The longest wait between turns, so that a stop signal is seen within it. */
    private static final long STOP_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    private static final long NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    /** What a loop sends and when, on the loop's thread. */
    interface Driver {
        /**
         * Sends what is due at {@code now}.
         *
         * @return when it wants to be asked again, a {@link System#nanoTime()} value; {@link Long#MAX_VALUE} when
         *     only an answer can let it send more
         */
        long sendDue(long now);

        /** Whether it will send nothing more and nothing is in flight: the loop ends. */
        boolean finished();
    }

    private final Selector selector;
    private final List<Connection> connections = new ArrayList<>();
    private final ArrayDeque<Runnable> later = new ArrayDeque<>();
    /** Where every connection of this loop reads into; its parser keeps only what a response left unfinished. */
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
    private Driver driver;
    private volatile RuntimeException broken;

    EventLoop() {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the http load", e);
        }
    }

    /**
     * Runs the loops, one thread each, until every one has finished. Their requests end by their deadlines, so
     * this ends at most a timeout after the drivers stop sending.
     *
     * @throws IllegalStateException when a loop broke (a fault of the probe, not of the service)
     */
    static void runAll(List<EventLoop> loops, String threadName, StopSignal stop) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < loops.size(); i++) {
            Thread thread = new Thread(loops.get(i), threadName + "-loop-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    // The loops see the stop signal and end their requests by their deadlines.
                    interrupted = true;
                    stop.raise();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (EventLoop loop : loops) {
            if (loop.broken != null) {
                throw new IllegalStateException("the http load's event loop failed: " + loop.broken, loop.broken);
            }
        }
    }

    /** Sets the driver; before the loop runs. */
    void drive(Driver loadDriver) {
        this.driver = loadDriver;
    }

    /** A new connection slot on this loop, closed until its first request. */
    Connection connection(RequestPlan plan, java.net.InetSocketAddress address, Connection.Listener listener) {
        Connection connection = new Connection(this, plan, address, listener);
        connections.add(connection);
        return connection;
    }

    /** The connection slots made so far. */
    int connections() {
        return connections.size();
    }

    /** The loop's one read buffer, for use within a single read: a connection hands what it read on at once. */
    ByteBuffer readBuffer() {
        return readBuffer;
    }

    /** Registers a connection's new socket with this loop's selector. */
    SelectionKey register(SocketChannel channel, Connection connection) throws ClosedChannelException {
        return channel.register(selector, 0, connection);
    }

    /** Runs {@code task} at the start of the next turn, outside whatever call is on the stack now. */
    void later(Runnable task) {
        later.add(task);
    }

    /** What broke the loop, if anything did: a fault of the probe, not of the service. */
    RuntimeException broken() {
        return broken;
    }

    @Override
    public void run() {
        try {
            long nextDeadlineCheck = System.nanoTime();
            while (true) {
                for (Runnable task = later.poll(); task != null; task = later.poll()) {
                    task.run();
                }
                long now = System.nanoTime();
                long wake = driver.sendDue(now);
                if (now - nextDeadlineCheck >= 0) {
                    for (Connection connection : connections) {
                        connection.expireIfLate(now);
                    }
                    nextDeadlineCheck = now + DEADLINE_CHECK_NANOS;
                }
                if (later.isEmpty() && driver.finished()) {
                    return;
                }
                long until = Math.min(wake, Math.min(nextDeadlineCheck, now + STOP_CHECK_NANOS));
                waitForSockets(later.isEmpty() ? until - System.nanoTime() : 0);
                dispatchReady();
            }
        } catch (IOException e) {
            broken = new UncheckedIOException("the http load's selector failed", e);
        } catch (RuntimeException e) {
            broken = e;
        } finally {
            connections.forEach(Connection::close);
            try {
                selector.close();
            } catch (IOException ignored) {
                // The load is over.
            }
        }
    }

    /**
     * Waits for a socket at most {@code nanos}: the selector's wait counts whole milliseconds, so the rest of a
     * wait shorter than one is parked, which keeps an open model's sends within a fraction of a millisecond of
     * their schedule.
     */
    private void waitForSockets(long nanos) throws IOException {
        if (nanos >= NANOS_PER_MILLI) {
            selector.select(nanos / NANOS_PER_MILLI);
        } else {
            if (nanos > 0) {
                LockSupport.parkNanos(nanos);
            }
            selector.selectNow();
        }
    }

    private void dispatchReady() {
        Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
        while (ready.hasNext()) {
            SelectionKey key = ready.next();
            ready.remove();
            if (key.isValid()) {
                ((Connection) key.attachment()).ready(key.readyOps());
            }
        }
    }
}
