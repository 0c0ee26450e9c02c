package io.clusterbench.probe.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on 127.0.0.1 that answers each request (read up to the blank line that ends its head) with the next
 * of a list of raw answers, byte for byte as written, to test the client on wire formats nginx does not produce on
 * demand. It can close each connection after one answer, as a server that drops idle connections does.
 */
final class CannedServer implements AutoCloseable {
    private final ServerSocket listener;
    private final List<String> answers;
    private final boolean closeAfterEach;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    CannedServer(boolean closeAfterEach, String... answers) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.answers = List.of(answers);
        this.closeAfterEach = closeAfterEach;
        this.acceptor = new Thread(this::accept, "canned-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                connections.incrementAndGet();
                serve(socket);
            } catch (IOException e) {
                // The listener closed, or the client went away: next connection.
            }
        }
    }

    private void serve(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        while (readHead(in)) {
            int index = next.getAndIncrement();
            String answer = answers.get(Math.min(index, answers.size() - 1));
            socket.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            if (closeAfterEach) {
                return;
            }
        }
    }

    /** Reads one request head; false when the client closed the connection. */
    private static boolean readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                return true;
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
