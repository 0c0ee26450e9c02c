package io.clusterbench.probe.http;

import io.clusterbench.result.ErrorKind;
import java.io.Closeable;

/**
 * A connection slot that one sender uses for request after request: it keeps the current connection alive,
 * opens a new one when the server closed it, and sends once more when a kept-alive connection turns out stale.
 */
final class ReusableConnection implements Closeable {
    private final RequestPlan plan;
    private volatile HttpConnection current;
    private volatile boolean closed;

    ReusableConnection(RequestPlan plan) {
        this.plan = plan;
    }

    /** Sends the plan's request and returns the response status, all before the deadline. */
    int exchange(long deadlineNanos) throws ExchangeFailure {
        HttpConnection connection = current;
        if (connection != null && connection.isOpen()) {
            try {
                return connection.exchange(plan, deadlineNanos);
            } catch (HttpConnection.StaleConnection stale) {
                // The server closed it while idle; the request never reached it, so sending again is safe.
            }
        }
        return exchangeOnNewConnection(deadlineNanos);
    }

    private int exchangeOnNewConnection(long deadlineNanos) throws ExchangeFailure {
        HttpConnection connection = HttpConnection.open(plan, deadlineNanos);
        current = connection;
        if (closed) {
            // Closed by the load's end while this connection was being opened.
            connection.close();
        }
        try {
            return connection.exchange(plan, deadlineNanos);
        } catch (HttpConnection.StaleConnection impossible) {
            // A new connection has carried nothing before, so it is never reported stale.
            throw new ExchangeFailure(ErrorKind.PROTOCOL, plan.method() + " " + plan.target() + " (service "
                    + plan.serviceId() + "): the connection closed before any response");
        }
    }

    /** Closes the current connection, also from another thread, to end a request still blocked on it. */
    @Override
    public void close() {
        closed = true;
        HttpConnection connection = current;
        if (connection != null) {
            connection.close();
        }
    }
}
