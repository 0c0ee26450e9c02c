package io.clusterbench.probe.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * TLS over a non-blocking socket with an {@link SSLEngine}: the server's certificate checked against this JVM's
 * trust store, or the service's {@code caFile} ({@link RequestPlan#trust()}), with host-name verification
 * (there is no option to skip either). The engine's delegated tasks (certificate checks) run on the loop's
 * thread: they come once per connection, not per request.
 */
final class TlsTransport implements Transport {
    private final SocketChannel channel;
    private final SSLEngine engine;
    /** Records to send, kept ready for reading by the socket. */
    private final ByteBuffer netOut;
    /** Records received, kept ready for writing by the socket. */
    private ByteBuffer netIn;
    /** Plain bytes unwrapped and not yet handed on, kept ready for reading. */
    private ByteBuffer appIn;
    private int waitingFor = SelectionKey.OP_READ;
    /** Whether the socket or the TLS session has ended. */
    private boolean channelEnded;

    TlsTransport(SocketChannel channel, RequestPlan plan) throws SSLException {
        this.channel = channel;
        this.engine = context(plan).createSSLEngine(plan.host(), plan.port());
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(parameters);
        int packet = engine.getSession().getPacketBufferSize();
        this.netOut = ByteBuffer.allocate(packet).flip();
        this.netIn = ByteBuffer.allocate(packet);
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
        engine.beginHandshake();
    }

    @Override
    public boolean handshake() throws IOException {
        while (true) {
            if (!flush()) {
                return false;
            }
            switch (engine.getHandshakeStatus()) {
                case NOT_HANDSHAKING, FINISHED -> {
                    return true;
                }
                case NEED_TASK -> runTasks();
                case NEED_WRAP -> wrap(ByteBuffer.allocate(0));
                default -> {
                    if (!unwrapSome()) {
                        waitingFor = SelectionKey.OP_READ;
                        return false;
                    }
                }
            }
        }
    }

    /**
     * Unwraps records until {@code into} is full or nothing more is at hand. Reading short of full must mean that
     * the socket is drained: a record already taken from the socket and left in {@link #netIn} would get no
     * readiness event of its own, and the answer it completes would wait for the timeout.
     */
    @Override
    public int read(ByteBuffer into) throws IOException {
        int count = 0;
        while (into.hasRemaining()) {
            if (!appIn.hasRemaining()) {
                if (engine.isInboundDone() || !unwrapSome()) {
                    break;
                }
                answerPostHandshakeMessages();
                continue;
            }
            int part = Math.min(appIn.remaining(), into.remaining());
            ByteBuffer slice = appIn.slice();
            slice.limit(part);
            into.put(slice);
            appIn.position(appIn.position() + part);
            count += part;
        }
        if (count == 0 && (channelEnded || engine.isInboundDone())) {
            return -1;
        }
        return count;
    }

    @Override
    public boolean write(ByteBuffer from) throws IOException {
        if (!flush()) {
            return false;
        }
        while (from.hasRemaining()) {
            wrap(from);
            if (!flush()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int waitingFor() {
        return waitingFor;
    }

    /** Unwraps one record, reading from the socket when none is whole; false when nothing more has arrived. */
    private boolean unwrapSome() throws IOException {
        while (true) {
            netIn.flip();
            appIn.compact();
            SSLEngineResult result;
            try {
                result = engine.unwrap(netIn, appIn);
            } finally {
                appIn.flip();
                netIn.compact();
            }
            switch (result.getStatus()) {
                case OK -> {
                    return true;
                }
                case CLOSED -> {
                    channelEnded = true;
                    return false;
                }
                case BUFFER_OVERFLOW -> appIn = larger(appIn, engine.getSession().getApplicationBufferSize());
                default -> { // BUFFER_UNDERFLOW: the record is not whole yet
                    if (!netIn.hasRemaining()) {
                        netIn = larger(netIn.flip(), engine.getSession().getPacketBufferSize()).compact();
                    }
                    int count = channel.read(netIn);
                    if (count < 0) {
                        channelEnded = true;
                        if (engine.getHandshakeStatus() != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING) {
                            throw new SSLException("the server closed the connection during the TLS handshake");
                        }
                        return false;
                    }
                    if (count == 0) {
                        return false;
                    }
                }
            }
        }
    }

    /** Runs the engine's tasks and sends what it wants to send after the handshake (a key update's answer). */
    private void answerPostHandshakeMessages() throws IOException {
        while (true) {
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK -> runTasks();
                case NEED_WRAP -> {
                    wrap(ByteBuffer.allocate(0));
                    flush();
                }
                default -> {
                    return;
                }
            }
        }
    }

    private void wrap(ByteBuffer from) throws IOException {
        netOut.compact();
        SSLEngineResult result;
        try {
            result = engine.wrap(from, netOut);
        } finally {
            netOut.flip();
        }
        if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
            throw new SSLException("the TLS session was closed");
        }
    }

    /** Sends the pending records; false (waiting to write) when the socket takes no more now. */
    private boolean flush() throws IOException {
        while (netOut.hasRemaining()) {
            if (channel.write(netOut) == 0) {
                waitingFor = SelectionKey.OP_WRITE;
                return false;
            }
        }
        return true;
    }

    private static SSLContext context(RequestPlan plan) throws SSLException {
        if (plan.trust().isPresent()) {
            return plan.trust().get().context();
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new SSLException("this JVM has no default TLS context: " + e.getMessage(), e);
        }
    }

    private void runTasks() {
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            task.run();
        }
    }

    private static ByteBuffer larger(ByteBuffer readable, int atLeast) {
        ByteBuffer grown = ByteBuffer.allocate(Math.max(atLeast, readable.capacity() * 2));
        grown.put(readable);
        return grown.flip();
    }
}
