package io.clusterbench.probe.redis;

import java.io.IOException;
import java.net.Socket;

/**
 * One client's guard against a server that stops answering. The load's sockets have no read timeout (see
 * {@link RedisSettings#loadConfig}), so the load's watchdog thread closes the socket of a client that has waited too
 * long for the server, which fails its blocked read; the client then reports that failure as the timeout it was.
 *
 * <p>The client's thread says when it starts and stops waiting; the watchdog reads that from its own thread, hence
 * the volatile fields.
 */
final class ReplyWatch {
    /** When the client started waiting on the server (a handshake or a batch), or 0 when it is not waiting. */
    private volatile long waitingSince;
    private volatile Socket socket;
    /** Set when the watchdog closed the socket, so that the failure is reported as the timeout it was. */
    private volatile boolean timedOut;

    /** Called by the socket factory: the socket to close when a reply is overdue. */
    Socket watch(Socket created) {
        socket = created;
        return created;
    }

    /** The client now waits on the server, since {@code now} ({@link System#nanoTime()}). */
    void waitingFrom(long now) {
        waitingSince = now | 1;
    }

    /** The client no longer waits on the server. */
    void notWaiting() {
        waitingSince = 0;
    }

    /** The client closed its connection: there is no socket to watch until the next one. */
    void forget() {
        socket = null;
    }

    /** Called by the watchdog: closes the socket if the client has waited for the server since before {@code limit}. */
    void closeIfWaitingSince(long limit) {
        long since = waitingSince;
        Socket watched = socket;
        if (since != 0 && since - limit < 0 && watched != null) {
            timedOut = true;
            try {
                watched.close();
            } catch (IOException ignored) {
                // The blocked read fails either way, which is all that closing is for.
            }
        }
    }

    /** Whether the watchdog closed the socket since the last call: the failure the client just saw is a timeout. */
    boolean tookTimeout() {
        if (timedOut) {
            timedOut = false;
            return true;
        }
        return false;
    }
}
