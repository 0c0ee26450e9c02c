package io.clusterbench.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP server on 127.0.0.1 that answers every command in the Redis protocol (RESP) the way a hostile server would:
 * a reply of 200,000 nested arrays, a reply that trickles, a frame that is not RESP, a reset mid-reply, a bulk string
 * or an array announced 2,000,000,000 long, and a reply that never ends.
 */
public final class HostileRespFixture implements AutoCloseable {
    /** How every command is answered. */
    public enum Hostility {
        /** {@code *1\r\n} 200,000 times, then {@code :1\r\n}. */
        DEEP_NESTING,
        /** One byte of a simple string every 100 ms, for ever. */
        TRICKLE,
        /** A type byte RESP does not have. */
        MALFORMED,
        /** The start of a bulk string of 1 MB, then a TCP reset. */
        RESET_MID_REPLY,
        /** {@code $2000000000\r\n}, and then nothing: a client that believes it allocates 2 GB. */
        HUGE_BULK,
        /** {@code *2000000000\r\n}, and then nothing: a client that believes it allocates a list that long. */
        HUGE_ARRAY,
        /** An array of 1,000,000 bulk strings of 1,000 bytes each, as fast as the socket takes them: 1 GB. */
        HUGE_REPLY
    }

    private static final int DEEP_LEVELS = 200_000;

    private final ServerSocket listener;
    private final Hostility hostility;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    public HostileRespFixture(Hostility hostility) throws IOException {
        this.hostility = hostility;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "hostile-resp-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!closed.get()) {
            try {
                Socket socket = listener.accept();
                open.add(socket);
                Thread serving = new Thread(() -> serve(socket), "hostile-resp-conn");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException e) {
                // Closed, or a failed accept: the loop condition decides.
            }
        }
    }

    private void serve(Socket socket) {
        byte[] buffer = new byte[64 * 1024];
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            // Whatever arrived is taken for one command: the client waits for a reply to the first one anyway.
            while (in.read(buffer) > 0) {
                switch (hostility) {
                    case DEEP_NESTING -> out.write(("*1\r\n".repeat(DEEP_LEVELS) + ":1\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    case TRICKLE -> {
                        out.write('+');
                        while (!closed.get()) {
                            out.write('P');
                            out.flush();
                            Thread.sleep(100);
                        }
                    }
                    case MALFORMED -> out.write("?what is this\r\n".getBytes(StandardCharsets.US_ASCII));
                    case HUGE_BULK -> out.write("$2000000000\r\n".getBytes(StandardCharsets.US_ASCII));
                    case HUGE_ARRAY -> out.write("*2000000000\r\n".getBytes(StandardCharsets.US_ASCII));
                    case HUGE_REPLY -> {
                        out.write("*1000000\r\n".getBytes(StandardCharsets.US_ASCII));
                        byte[] element = ("$1000\r\n" + "x".repeat(1000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                        for (int i = 0; i < 1_000_000 && !closed.get(); i++) {
                            out.write(element);
                        }
                    }
                    case RESET_MID_REPLY -> {
                        out.write(("$1000000\r\n" + "0".repeat(1000)).getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        socket.setSoLinger(true, 0);
                        return;
                    }
                }
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The client gave up, which is what the hostile answers are for.
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        closed.set(true);
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
