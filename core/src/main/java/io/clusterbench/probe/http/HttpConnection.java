package io.clusterbench.probe.http;

import io.clusterbench.result.ErrorKind;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 connection over a blocking socket, carrying one request at a time and kept alive between them.
 *
 * <p>Why not {@link java.net.http.HttpClient}: against a local nginx it reached well under the benchmark target of
 * 0.7 times wrk's rate with equal connections (its selector thread and future chains cost more CPU per request
 * than the request itself on a 2-core machine), and it gives no control over which connection carries which
 * request, which the closed model needs (one connection per worker). A blocking socket per connection costs one
 * write and usually one read per request; see docs/performance-parts/http.md.
 */
final class HttpConnection implements Closeable {

    /** A kept-alive connection that the server had closed before the request reached it: send again on a new one. */
    static final class StaleConnection extends Exception {
        private static final long serialVersionUID = 1L;

        StaleConnection() {
            super(null, null, false, false);
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final ResponseReader reader;
    private volatile boolean open = true;
    private long exchanges;

    private HttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new ResponseReader(socket);
    }

    /** Connects (and shakes hands for https) before the deadline. */
    static HttpConnection open(RequestPlan plan, long deadlineNanos) throws ExchangeFailure {
        InetSocketAddress address = new InetSocketAddress(plan.host(), plan.port());
        if (address.isUnresolved()) {
            throw new ExchangeFailure(ErrorKind.UNREACHABLE, "cannot resolve the host " + plan.host() + " of service "
                    + plan.serviceId() + "; check the url in the spec and the DNS of this machine");
        }
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, remainingMillis(deadlineNanos, plan));
            Socket connected = plan.tls() ? handshake(socket, plan, deadlineNanos) : socket;
            return new HttpConnection(connected);
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new ExchangeFailure(ErrorKind.TIMEOUT, "connecting to " + plan.address() + " (service "
                    + plan.serviceId() + ") took longer than the timeout of " + seconds(plan.timeout()));
        } catch (SSLException e) {
            closeQuietly(socket);
            throw new ExchangeFailure(ErrorKind.TLS, "TLS handshake with " + plan.address() + " (service "
                    + plan.serviceId() + ") failed: " + e.getMessage()
                    + "; check the server's certificate and this JVM's trust store");
        } catch (IOException e) {
            closeQuietly(socket);
            throw new ExchangeFailure(ErrorKind.UNREACHABLE, "cannot connect to " + plan.address() + " (service "
                    + plan.serviceId() + "): " + e.getMessage() + "; check that it runs and that its url is right");
        }
    }

    private static Socket handshake(Socket socket, RequestPlan plan, long deadlineNanos) throws IOException {
        SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
        SSLSocket tls = (SSLSocket) factory.createSocket(socket, plan.host(), plan.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(remainingMillis(deadlineNanos, plan));
        tls.startHandshake();
        return tls;
    }

    /**
     * Sends the request and reads its response before the deadline; the connection is closed when the response
     * says so or anything goes wrong.
     *
     * @return the status code
     * @throws StaleConnection when a connection that had carried earlier requests was found closed before any
     *     byte of the response arrived (a server's idle or request-count limit); nothing was measured
     */
    int exchange(RequestPlan plan, long deadlineNanos) throws ExchangeFailure, StaleConnection {
        boolean written = false;
        try {
            out.write(plan.bytes());
            written = true;
            ResponseReader.Response response = reader.read(plan.isHead(), deadlineNanos);
            exchanges++;
            if (!response.keepAlive()) {
                close();
            }
            return response.status();
        } catch (SocketTimeoutException e) {
            close();
            throw new ExchangeFailure(ErrorKind.TIMEOUT, plan.method() + " " + plan.target() + " (service "
                    + plan.serviceId() + ") got no complete response within the timeout of "
                    + seconds(plan.timeout()));
        } catch (IOException e) {
            close();
            if (exchanges > 0 && (!written || !reader.receivedAny())) {
                throw new StaleConnection();
            }
            throw new ExchangeFailure(ErrorKind.PROTOCOL, plan.method() + " " + plan.target() + " (service "
                    + plan.serviceId() + ") failed: " + describe(e));
        }
    }

    /** Whether the connection can carry another request. */
    boolean isOpen() {
        return open;
    }

    /** Closes the socket; a request blocked on it fails at once. Safe from any thread, and more than once. */
    @Override
    public void close() {
        open = false;
        closeQuietly(socket);
    }

    private static int remainingMillis(long deadlineNanos, RequestPlan plan) throws SocketTimeoutException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (remaining + 999_999) / 1_000_000));
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.net.ProtocolException) {
            return "malformed response: " + message;
        }
        return message;
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing useful to do: the connection is being thrown away.
        }
    }
}
