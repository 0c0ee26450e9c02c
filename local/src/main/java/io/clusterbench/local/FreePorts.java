package io.clusterbench.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Locale;

/** Picks free loopback ports and retries a server start when another process took the port first. */
public final class FreePorts {

    /** Attempts per start: the bind/close race is rare, so two retries make it negligible. */
    static final int START_ATTEMPTS = 3;

    private FreePorts() {
    }

    /** A port that was free on 127.0.0.1 a moment ago; another process may still take it before the server binds. */
    public static int loopback() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LocalServer.LOOPBACK), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind any port on " + LocalServer.LOOPBACK, e);
        }
    }

    /** One start of a server on freshly chosen ports. */
    @FunctionalInterface
    public interface StartAttempt<T> {
        T start() throws LocalServerException;
    }

    /**
     * Runs the attempt, and again (up to {@value #START_ATTEMPTS} times in all) while it fails because a port was
     * already in use; the attempt must choose new ports each time it runs.
     */
    public static <T> T retryOnPortClash(StartAttempt<T> attempt) throws LocalServerException {
        for (int tried = 1; ; tried++) {
            try {
                return attempt.start();
            } catch (LocalServerException e) {
                if (tried >= START_ATTEMPTS || !isPortClash(e)) {
                    throw e;
                }
            }
        }
    }

    /** Every server we start says "address already in use" (any case) in its log, which ends up in the message. */
    static boolean isPortClash(LocalServerException e) {
        return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("address already in use");
    }
}
