package io.clusterbench.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An HTTP/1.1 server on 127.0.0.1 that answers chosen paths the way a broken or hostile server would: a body that
 * trickles or never ends, a huge body or line (streamed, never held), JSON nested 100,000 levels, malformed framing,
 * headers that trickle, a connection reset mid-body. Other paths get ordinary canned answers, so that a probe gets
 * past its checks to the read under test.
 */
public final class HostileHttpFixture implements AutoCloseable {
    /** How a path is answered. */
    public enum Hostility {
        /** 200 and then one byte of body every 100 ms, for ever. */
        TRICKLE,
        /** 200 without a length, then the unit of its content type as fast as the socket takes it, for ever. */
        ENDLESS,
        /** 200 with a body of 200 MB, streamed. */
        HUGE_BODY,
        /** 200 and a body of one line of 50 MB, streamed ({@code data: aaaa...} for an event stream). */
        HUGE_LINE,
        /** 200 and JSON nested 100,000 levels (as an event's data for an event stream). */
        DEEP_NESTING,
        /** A status line that is not HTTP, for the HTTP clients; broken chunk framing after it. */
        MALFORMED,
        /** A status line, then one byte of header every 100 ms, for ever. */
        SLOW_HEADERS,
        /** 200 with a length of 1 MB, 1,000 bytes of it, then a TCP reset. */
        RESET_MID_BODY,
        /** For event streams: comment lines ({@code : ping}) every 10 ms, for ever, and never an event. */
        ENDLESS_COMMENTS
    }

    private static final long HUGE_BODY_BYTES = 200L * 1000 * 1000;
    private static final long HUGE_LINE_BYTES = 50L * 1000 * 1000;
    private static final int DEEP_LEVELS = 100_000;
    private static final long TRICKLE_MILLIS = 100;

    private final ServerSocket listener;
    private final Map<String, Hostility> hostile = new ConcurrentHashMap<>();
    private final Map<String, String> canned = new ConcurrentHashMap<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String streamType;

    /**
     * @param streamType the content type of hostile answers: {@code application/json} or {@code text/event-stream}
     */
    public HostileHttpFixture(String streamType) throws IOException {
        this.streamType = streamType;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "hostile-http-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Answers requests whose path starts with {@code pathPrefix} with a hostility. */
    public HostileHttpFixture hostile(String pathPrefix, Hostility hostility) {
        hostile.put(pathPrefix, hostility);
        return this;
    }

    /** Answers requests whose path starts with {@code pathPrefix} with 200 and this JSON. */
    public HostileHttpFixture canned(String pathPrefix, String json) {
        canned.put(pathPrefix, json);
        return this;
    }

    /** The server's root URL, without a trailing slash. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    private void accept() {
        while (!closed.get()) {
            try {
                Socket socket = listener.accept();
                open.add(socket);
                Thread serving = new Thread(() -> serve(socket), "hostile-http-conn");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException e) {
                // Closed, or a failed accept: the loop condition decides.
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            String path;
            while ((path = readRequest(in)) != null) {
                Hostility hostility = match(hostile, path);
                if (hostility != null) {
                    answer(hostility, socket, out);
                    return;
                }
                String json = match(canned, path);
                byte[] body = (json == null ? "{}" : json).getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 " + (json == null ? "404 Not Found" : "200 OK")
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The client gave up, which is what the hostile answers are for.
        } finally {
            open.remove(socket);
        }
    }

    private void answer(Hostility hostility, Socket socket, OutputStream out) throws IOException, InterruptedException {
        boolean events = streamType.equals("text/event-stream");
        switch (hostility) {
            case TRICKLE -> {
                head(out, "");
                while (!closed.get()) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(TRICKLE_MILLIS);
                }
            }
            case ENDLESS -> {
                head(out, "");
                byte[] unit = repeat(events ? "data: {\"choices\":[{\"index\":0,\"text\":\"x\"}]}\n\n"
                        : "[0,1,2,3,4,5,6,7,8,9],", 8192);
                while (!closed.get()) {
                    out.write(unit);
                }
            }
            case ENDLESS_COMMENTS -> {
                head(out, "");
                while (!closed.get()) {
                    out.write(": ping\n\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(10);
                }
            }
            case HUGE_BODY -> {
                head(out, "Content-Length: " + HUGE_BODY_BYTES + "\r\n");
                stream(out, (byte) ' ', HUGE_BODY_BYTES);
            }
            case HUGE_LINE -> {
                head(out, "");
                out.write((events ? "data: " : "\"").getBytes(StandardCharsets.US_ASCII));
                stream(out, (byte) 'a', HUGE_LINE_BYTES);
                out.write((events ? "\n\n" : "\"").getBytes(StandardCharsets.US_ASCII));
            }
            case DEEP_NESTING -> {
                String json = "[".repeat(DEEP_LEVELS) + "]".repeat(DEEP_LEVELS);
                byte[] body = (events ? "data: " + json + "\n\n" : json).getBytes(StandardCharsets.US_ASCII);
                head(out, "Content-Length: " + body.length + "\r\n");
                out.write(body);
            }
            case MALFORMED -> {
                out.write("HTTP/1.1 2x0 Whatever\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nnot a chunk\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            case SLOW_HEADERS -> {
                out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1));
                while (!closed.get()) {
                    out.write('s');
                    out.flush();
                    Thread.sleep(TRICKLE_MILLIS);
                }
            }
            case RESET_MID_BODY -> {
                head(out, "Content-Length: 1000000\r\n");
                out.write(repeat("0", 1000));
                out.flush();
                socket.setSoLinger(true, 0);
            }
        }
        out.flush();
    }

    private void head(OutputStream out, String framing) throws IOException {
        String close = framing.isEmpty() ? "Connection: close\r\n" : "";
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + streamType + "\r\n" + framing + close + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private void stream(OutputStream out, byte fill, long bytes) throws IOException {
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, fill);
        for (long left = bytes; left > 0 && !closed.get(); left -= block.length) {
            out.write(block, 0, (int) Math.min(block.length, left));
        }
    }

    private static byte[] repeat(String unit, int atLeast) {
        return unit.repeat(Math.max(1, atLeast / unit.length())).getBytes(StandardCharsets.US_ASCII);
    }

    private static <T> T match(Map<String, T> byPrefix, String path) {
        return byPrefix.entrySet().stream().filter(entry -> path.startsWith(entry.getKey()))
                .max(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.length(), b.length())))
                .map(Map.Entry::getValue).orElse(null);
    }

    /** Reads one request (head and a {@code Content-Length} body); its path, or null when the client closed. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        long length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        in.skipNBytes(length);
        String[] requestLine = text.substring(0, text.indexOf("\r\n")).split(" ");
        return requestLine.length > 1 ? requestLine[1] : "/";
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
