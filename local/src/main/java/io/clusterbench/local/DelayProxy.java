package io.clusterbench.local;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A TCP proxy on a free loopback port that forwards every connection to one target and holds each chunk coming back
 * from the target for a delay read from a control file: a known, reversible cost on a network path, for kernels
 * without {@code sch_netem}.
 *
 * <p>The delay counts from the moment a chunk was read from the target, so chunks that follow one another closely
 * are each held for the delay, not one after the other. It is kept to a few microseconds: the writer parks until
 * {@value #SPIN_NANOS} ns before the deadline, then spins to it. With no delay a chunk is written by the thread that
 * read it, as in the other direction, so that switching the delay on adds the delay and nothing else (a hand-off to
 * another thread would cost tens of microseconds in the undelayed condition only).
 */
public final class DelayProxy implements AutoCloseable {

    /** How long before a deadline the writer stops parking and spins: above the park's usual overshoot. */
    static final long SPIN_NANOS = 200_000L;

    /** How often the control file's modification time is looked at. */
    static final long POLL_NANOS = 2_000_000L;

    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final DelayControl control;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final Thread poller;
    private volatile boolean closed;

    private DelayProxy(ServerSocket server, InetSocketAddress target, DelayControl control) {
        this.server = server;
        this.target = target;
        this.control = control;
        this.acceptor = new Thread(this::acceptLoop, "delay-proxy-accept-" + server.getLocalPort());
        this.poller = new Thread(this::pollLoop, "delay-proxy-control-" + server.getLocalPort());
        acceptor.setDaemon(true);
        poller.setDaemon(true);
    }

    /**
     * Starts a proxy on a free port of 127.0.0.1 in front of the target, with the delay read from the control file
     * (whole microseconds; missing or empty means none). The file is read once before this returns.
     */
    public static DelayProxy start(InetSocketAddress target, Path controlFile) throws IOException {
        Objects.requireNonNull(target, "target");
        DelayControl control = new DelayControl(controlFile);
        control.refresh();
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(InetAddress.getByName(LocalServer.LOOPBACK), 0));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        DelayProxy proxy = new DelayProxy(server, target, control);
        proxy.poller.start();
        proxy.acceptor.start();
        return proxy;
    }

    /** The port the proxy listens on, on 127.0.0.1. */
    public int port() {
        return server.getLocalPort();
    }

    /** Where every connection is forwarded. */
    public InetSocketAddress target() {
        return target;
    }

    /** The delay in force, in microseconds, as last read from the control file. */
    public long delayMicros() {
        return control.micros();
    }

    /** Connections open now. */
    public int openConnections() {
        return connections.size();
    }

    /** Stops accepting and closes every connection; calling it again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(server);
        poller.interrupt();
        for (Connection connection : connections) {
            connection.close();
        }
    }

    /** Waits until the deadline (a {@link System#nanoTime()} value): parks until shortly before it, then spins. */
    static void awaitDeadline(long deadline) throws InterruptedException {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > SPIN_NANOS) {
            LockSupport.parkNanos(remaining - SPIN_NANOS);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        while (deadline - System.nanoTime() > 0) {
            Thread.onSpinWait();
        }
    }

    private void pollLoop() {
        while (!closed) {
            control.refresh();
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                // Closed by close(), or a failed accept that the next one may not repeat.
                continue;
            }
            Socket upstream = new Socket();
            try {
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                upstream.connect(target, CONNECT_TIMEOUT_MS);
            } catch (IOException e) {
                // The client sees its connection closed, as it would if the target refused it.
                closeQuietly(upstream);
                closeQuietly(client);
                continue;
            }
            Connection connection = new Connection(client, upstream);
            connections.add(connection);
            if (closed) {
                connection.close();
            } else {
                connection.start();
            }
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // Nothing left to do with it.
        }
    }

    /** A chunk from the target and when it may go to the client; {@code bytes == null} marks the target's end. */
    private record Chunk(long deadline, byte[] bytes) {
    }

    /**
     * One proxied connection: a thread copying client to target, one reading the target's answers and one writing
     * them to the client when their delay is over. Order is kept: a chunk is written directly only when none waits.
     */
    private final class Connection {
        private final Socket client;
        private final Socket upstream;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition queued = lock.newCondition();
        private final ArrayDeque<Chunk> waiting = new ArrayDeque<>();
        private final Thread forward;
        private final Thread back;
        private final Thread writer;
        private final AtomicInteger openDirections = new AtomicInteger(2);
        private final AtomicBoolean done = new AtomicBoolean();

        Connection(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
            String name = "delay-proxy-" + client.getPort();
            this.forward = new Thread(this::forward, name + "-forward");
            this.back = new Thread(this::readBack, name + "-back");
            this.writer = new Thread(this::writeBack, name + "-write");
            for (Thread thread : new Thread[] {forward, back, writer}) {
                thread.setDaemon(true);
            }
        }

        void start() {
            forward.start();
            back.start();
            writer.start();
        }

        private void forward() {
            byte[] buffer = new byte[CHUNK_BYTES];
            try {
                InputStream in = client.getInputStream();
                OutputStream out = upstream.getOutputStream();
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                }
                // A half-close, passed on: the target may still be answering.
                upstream.shutdownOutput();
                directionEnded();
            } catch (IOException e) {
                close();
            }
        }

        private void readBack() {
            byte[] buffer = new byte[CHUNK_BYTES];
            try {
                InputStream in = upstream.getInputStream();
                OutputStream out = client.getOutputStream();
                while (true) {
                    int read = in.read(buffer);
                    long arrived = System.nanoTime();
                    long delayNanos = control.micros() * 1_000L;
                    if (read < 0) {
                        enqueue(new Chunk(arrived + delayNanos, null));
                        return;
                    }
                    lock.lock();
                    try {
                        if (delayNanos == 0 && waiting.isEmpty()) {
                            out.write(buffer, 0, read);
                        } else {
                            waiting.addLast(new Chunk(arrived + delayNanos, Arrays.copyOf(buffer, read)));
                            queued.signal();
                        }
                    } finally {
                        lock.unlock();
                    }
                }
            } catch (IOException e) {
                close();
            }
        }

        private void enqueue(Chunk chunk) {
            lock.lock();
            try {
                waiting.addLast(chunk);
                queued.signal();
            } finally {
                lock.unlock();
            }
        }

        private void writeBack() {
            try {
                OutputStream out = client.getOutputStream();
                while (true) {
                    Chunk next;
                    lock.lock();
                    try {
                        while (waiting.isEmpty()) {
                            queued.await();
                        }
                        next = waiting.peekFirst();
                    } finally {
                        lock.unlock();
                    }
                    awaitDeadline(next.deadline());
                    lock.lock();
                    try {
                        waiting.pollFirst();
                        if (next.bytes() == null) {
                            client.shutdownOutput();
                            directionEnded();
                            return;
                        }
                        out.write(next.bytes());
                    } finally {
                        lock.unlock();
                    }
                }
            } catch (InterruptedException | IOException e) {
                close();
            }
        }

        /** Once both directions have ended, nothing more can flow and the sockets are closed. */
        private void directionEnded() {
            if (openDirections.decrementAndGet() == 0) {
                close();
            }
        }

        void close() {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            connections.remove(this);
            closeQuietly(client);
            closeQuietly(upstream);
            writer.interrupt();
        }
    }
}
