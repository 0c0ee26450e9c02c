package io.clusterbench.probe.http;

import io.clusterbench.result.ErrorKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLException;

/**
 * One HTTP/1.1 connection slot on an {@link EventLoop}: a non-blocking socket carrying one request at a time, kept
 * alive between them, opened again when the server closed it, and used once more for a request that found a
 * kept-alive connection stale (closed by the server before the request reached it; nothing was measured then).
 * Only its loop's thread touches it.
 *
 * <p>The request in flight carries its latency origin (the send in the closed model, the intended start in the
 * open one), its deadline and the tally of its phase; its end goes to the {@link Listener}.
 */
final class Connection {

    /** Told how each request ended, on the loop's thread. */
    interface Listener {
        /** A complete response with this status arrived at {@code now}. */
        void answered(Connection connection, int status, long now);

        /** The request got no complete response. */
        void failed(Connection connection, ExchangeFailure failure, long now);
    }

    private enum State { CLOSED, CONNECTING, HANDSHAKING, SENDING, RECEIVING, IDLE }

    private final EventLoop loop;
    private final RequestPlan plan;
    private final InetSocketAddress address;
    private final Listener listener;
    private final ByteBuffer request;
    private final ResponseParser parser = new ResponseParser();
    private SocketChannel channel;
    private SelectionKey key;
    private Transport transport;
    private State state = State.CLOSED;
    /** Responses completed on the current socket: a socket that carried none is never stale. */
    private long exchanges;
    private boolean busy;
    private long origin;
    private long deadline;
    private Tally tally;

    Connection(EventLoop loop, RequestPlan plan, InetSocketAddress address, Listener listener) {
        this.loop = loop;
        this.plan = plan;
        this.address = address;
        this.listener = listener;
        this.request = ByteBuffer.wrap(plan.bytes()).asReadOnlyBuffer();
    }

    /**
     * Sends the plan's request, opening the socket first if it is closed. A failure on the way is told to the
     * listener on the loop's next turn, never from within this call.
     *
     * @param latencyOrigin where the latency runs from, a {@link System#nanoTime()} value
     * @param deadlineNanos when the request fails as a timeout
     * @param phase the tally the request counts in
     */
    void send(long latencyOrigin, long deadlineNanos, Tally phase) {
        this.origin = latencyOrigin;
        this.deadline = deadlineNanos;
        this.tally = phase;
        this.busy = true;
        try {
            if (state == State.IDLE) {
                write();
            } else {
                connect();
            }
        } catch (ExchangeFailure failure) {
            finishWith(failure, false);
        }
    }

    /** Whether a request is in flight. */
    boolean busy() {
        return busy;
    }

    /** The latency origin of the request in flight. */
    long origin() {
        return origin;
    }

    /** The tally of the request in flight. */
    Tally tally() {
        return tally;
    }

    /** Fails the request in flight as a timeout when its deadline has passed. */
    void expireIfLate(long now) {
        if (busy && now - deadline >= 0) {
            boolean connecting = state == State.CONNECTING || state == State.HANDSHAKING;
            close();
            finishWith(new ExchangeFailure(ErrorKind.TIMEOUT, connecting
                    ? "connecting to " + plan.address() + " (service " + plan.serviceId()
                            + ") took longer than the timeout of " + plan.timeoutText()
                    : plan.method() + " " + plan.target() + " (service " + plan.serviceId()
                            + ") got no complete response within the timeout of " + plan.timeoutText()), true);
        }
    }

    /** Goes on with what the socket is ready for. */
    void ready(int readyOps) {
        try {
            switch (state) {
                case CONNECTING -> finishConnect();
                case HANDSHAKING -> handshake();
                case SENDING -> write();
                case RECEIVING -> read();
                default -> key.interestOps(0); // idle or closed: nothing is wanted from the socket
            }
        } catch (ExchangeFailure failure) {
            finishWith(failure, true);
        }
    }

    /** Closes the socket; a request in flight is left to its caller. */
    void close() {
        state = State.CLOSED;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing useful to do: the socket is being thrown away.
            }
            channel = null;
            key = null;
        }
    }

    private void connect() throws ExchangeFailure {
        close();
        exchanges = 0;
        if (address.isUnresolved()) {
            throw new ExchangeFailure(ErrorKind.UNREACHABLE, "cannot resolve the host " + plan.host() + " of service "
                    + plan.serviceId() + "; check the url in the spec and the DNS of this machine");
        }
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            key = loop.register(channel, this);
            transport = plan.tls() ? new TlsTransport(channel, plan) : Transport.plain(channel);
            state = State.CONNECTING;
            if (channel.connect(address)) {
                finishConnect();
            } else {
                key.interestOps(SelectionKey.OP_CONNECT);
            }
        } catch (IOException e) {
            close();
            throw unreachable(e);
        }
    }

    private void finishConnect() throws ExchangeFailure {
        try {
            if (!channel.finishConnect()) {
                return;
            }
        } catch (IOException e) {
            close();
            throw unreachable(e);
        }
        state = State.HANDSHAKING;
        handshake();
    }

    private void handshake() throws ExchangeFailure {
        try {
            if (!transport.handshake()) {
                key.interestOps(transport.waitingFor());
                return;
            }
        } catch (SSLException e) {
            close();
            throw new ExchangeFailure(ErrorKind.TLS, TlsFailures.describe(e, plan));
        } catch (IOException e) {
            close();
            throw unreachable(e);
        }
        state = State.IDLE;
        write();
    }

    private void write() throws ExchangeFailure {
        if (state != State.SENDING) {
            request.clear();
            parser.start(plan.isHead());
            state = State.SENDING;
        }
        try {
            if (transport.write(request)) {
                state = State.RECEIVING;
                key.interestOps(SelectionKey.OP_READ);
            } else {
                key.interestOps(transport.waitingFor());
            }
        } catch (IOException e) {
            brokenOrStale(e);
        }
    }

    private void read() throws ExchangeFailure {
        try {
            ByteBuffer arrived = loop.readBuffer();
            while (true) {
                arrived.clear();
                int count = transport.read(arrived);
                if (count < 0) {
                    if (!parser.receivedAny() && exchanges > 0) {
                        throw new IOException("closed by the server");
                    }
                    boolean complete = parser.ended();
                    close();
                    if (complete) {
                        answered(false);
                    }
                    return;
                }
                if (count > 0 && parser.accept(arrived.array(), 0, count)) {
                    answered(parser.keepAlive());
                    return;
                }
                if (count < arrived.capacity()) {
                    return; // all that had arrived was read: wait for more
                }
            }
        } catch (IOException e) {
            brokenOrStale(e);
        }
    }

    private void answered(boolean keepAlive) {
        exchanges++;
        if (keepAlive) {
            state = State.IDLE;
            key.interestOps(0);
        } else {
            close();
        }
        busy = false;
        listener.answered(this, parser.status(), System.nanoTime());
    }

    /** A broken connection fails the request, unless it was a kept-alive one the server had closed: then again. */
    private void brokenOrStale(IOException e) throws ExchangeFailure {
        close();
        if (exchanges > 0 && !parser.receivedAny()) {
            connect(); // the request never reached the server, so sending it again is safe
            return;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        throw new ExchangeFailure(ErrorKind.PROTOCOL, plan.method() + " " + plan.target() + " (service "
                + plan.serviceId() + ") failed: " + (e instanceof ProtocolException ? "malformed response: " : "")
                + message);
    }

    private void finishWith(ExchangeFailure failure, boolean now) {
        close();
        busy = false;
        if (now) {
            listener.failed(this, failure, System.nanoTime());
        } else {
            loop.later(() -> listener.failed(this, failure, System.nanoTime()));
        }
    }

    private ExchangeFailure unreachable(IOException e) {
        return new ExchangeFailure(ErrorKind.UNREACHABLE, "cannot connect to " + plan.address() + " (service "
                + plan.serviceId() + "): " + e.getMessage() + "; check that it runs and that its url is right");
    }
}
