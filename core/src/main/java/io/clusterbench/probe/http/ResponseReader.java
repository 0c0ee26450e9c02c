package io.clusterbench.probe.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads HTTP/1.1 responses from a kept-alive connection and throws their bodies away: the status line, the
 * headers that frame the body, then the body by {@code Content-Length}, by chunks, or up to the end of the
 * connection. Every read is bounded by the request's deadline.
 */
final class ResponseReader {
    private static final int INITIAL_BUFFER = 16 * 1024;
    private static final int MAX_LINE = 64 * 1024;

    /**
     * One response.
     *
     * @param status the final status code
     * @param keepAlive whether the connection may carry the next request
     */
    record Response(int status, boolean keepAlive) {
    }

    private final Socket socket;
    private final InputStream in;
    private byte[] buffer = new byte[INITIAL_BUFFER];
    private int position;
    private int limit;
    private long deadlineNanos;
    private boolean receivedAny;

    ResponseReader(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Whether any byte of the current response arrived; a kept-alive connection closed before that was stale. */
    boolean receivedAny() {
        return receivedAny;
    }

    /**
     * Reads the next final response (skipping 1xx interim ones) and drains its body.
     *
     * @param head whether the request was a HEAD, whose response has no body whatever its headers say
     * @throws SocketTimeoutException when the deadline passes first
     * @throws IOException when the connection breaks or the response is malformed ({@link ProtocolException})
     */
    Response read(boolean head, long deadlineNanos) throws IOException {
        this.deadlineNanos = deadlineNanos;
        this.receivedAny = position < limit;
        while (true) {
            String statusLine = readLine();
            int status = parseStatus(statusLine);
            boolean http10 = statusLine.startsWith("HTTP/1.0");
            long contentLength = -1;
            boolean chunked = false;
            boolean close = false;
            boolean keepAliveToken = false;
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new ProtocolException("malformed header line in the response: " + abbreviate(line));
                }
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("content-length")) {
                    contentLength = parseLength(value);
                } else if (name.equalsIgnoreCase("transfer-encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
                } else if (name.equalsIgnoreCase("connection")) {
                    String tokens = value.toLowerCase(Locale.ROOT);
                    close |= tokens.contains("close");
                    keepAliveToken |= tokens.contains("keep-alive");
                }
            }
            if (status >= 100 && status < 200 && status != 101) {
                continue;
            }
            boolean keepAlive = !close && (!http10 || keepAliveToken) && status != 101;
            if (head || status == 204 || status == 304 || status == 101) {
                return new Response(status, keepAlive);
            }
            if (chunked) {
                skipChunkedBody();
            } else if (contentLength >= 0) {
                skip(contentLength);
            } else {
                skipToEndOfStream();
                keepAlive = false;
            }
            return new Response(status, keepAlive);
        }
    }

    private static int parseStatus(String line) throws ProtocolException {
        // "HTTP/1.1 200 OK": the code is the three digits after the first space.
        int space = line.indexOf(' ');
        if (!line.startsWith("HTTP/") || space < 0 || line.length() < space + 4) {
            throw new ProtocolException("not an HTTP response: " + abbreviate(line));
        }
        int status = 0;
        for (int i = space + 1; i < space + 4; i++) {
            char digit = line.charAt(i);
            if (digit < '0' || digit > '9') {
                throw new ProtocolException("malformed status line: " + abbreviate(line));
            }
            status = status * 10 + (digit - '0');
        }
        if (status < 100 || status > 599) {
            throw new ProtocolException("status out of range: " + abbreviate(line));
        }
        return status;
    }

    private static long parseLength(String value) throws ProtocolException {
        try {
            long length = Long.parseLong(value);
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new ProtocolException("malformed Content-Length: " + abbreviate(value));
    }

    private void skipChunkedBody() throws IOException {
        while (true) {
            String sizeLine = readLine();
            int extension = sizeLine.indexOf(';');
            String hex = (extension >= 0 ? sizeLine.substring(0, extension) : sizeLine).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new ProtocolException("malformed chunk size: " + abbreviate(sizeLine));
            }
            if (size < 0) {
                throw new ProtocolException("malformed chunk size: " + abbreviate(sizeLine));
            }
            if (size == 0) {
                // Trailer fields, if any, end with an empty line.
                while (!readLine().isEmpty()) {
                    // Trailers are not needed.
                }
                return;
            }
            skip(size);
            if (!readLine().isEmpty()) {
                throw new ProtocolException("a chunk did not end with CRLF");
            }
        }
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            if (position == limit) {
                position = 0;
                limit = 0;
                if (!fill()) {
                    throw new EOFException("connection closed with " + left + " bytes of the body missing");
                }
            }
            int taken = (int) Math.min(left, limit - position);
            position += taken;
            left -= taken;
        }
    }

    private void skipToEndOfStream() throws IOException {
        do {
            position = 0;
            limit = 0;
        } while (fill());
    }

    /** A line without its CR LF, decoded as ISO-8859-1 (header bytes are octets). */
    private String readLine() throws IOException {
        int scanned = position;
        while (true) {
            for (int i = scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    int end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
                    position = i + 1;
                    return line;
                }
            }
            scanned = limit - position;
            makeRoom();
            scanned += position;
            if (!fill()) {
                throw new EOFException("connection closed in the middle of the response headers");
            }
        }
    }

    /** Moves unread bytes to the start of the buffer, and grows it when a line fills it whole. */
    private void makeRoom() throws ProtocolException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            if (buffer.length >= MAX_LINE) {
                throw new ProtocolException("a response header line is longer than " + MAX_LINE / 1024 + " KiB");
            }
            byte[] larger = new byte[buffer.length * 2];
            System.arraycopy(buffer, 0, larger, 0, limit);
            buffer = larger;
        }
    }

    /** Reads more bytes after {@link #limit}; false at the end of the stream. */
    private boolean fill() throws IOException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, (remaining + 999_999) / 1_000_000)));
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            return false;
        }
        limit += read;
        receivedAny = true;
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
