package io.clusterbench.probe.openai;

import io.clusterbench.net.AnswerTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a server-sent event stream (the WHATWG "event stream" format that OpenAI-compatible servers stream with):
 * lines end in LF or CRLF, {@code data:} lines carry the payload, a blank line ends an event, lines starting with
 * {@code :} are comments (keep-alive pings) and other fields are ignored.
 *
 * <p>Each event is time-stamped with {@link System#nanoTime()} taken when the bytes that completed its last
 * {@code data:} line were read from the socket, which is when vLLM bench time-stamps a chunk too (it accepts a
 * message as soon as its JSON is complete). Lines are split on bytes and decoded whole, so a multi-byte UTF-8
 * character split across network packets is decoded correctly.
 *
 * <p>A line, and an event's data, may be at most {@value #MAX_LINE_BYTES} bytes (a token chunk is a few hundred):
 * a longer one fails the read with {@link AnswerTooLargeException} rather than growing without bound.
 */
final class SseReader {
    /** The cap on one line and on one event's data: 1 MiB. */
    static final int MAX_LINE_BYTES = 1024 * 1024;

    /** One event's data and when it arrived. */
    record Event(String data, long arrivedNanos) {
    }

    private final InputStream in;
    private final Runnable onBytes;
    private final byte[] buffer = new byte[8192];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private int position;
    private int limit;
    private long readAtNanos;
    private long lineAtNanos;

    /**
     * @param in the response body
     * @param onBytes called whenever bytes arrive (the stall watchdog's heartbeat)
     */
    SseReader(InputStream in, Runnable onBytes) {
        this.in = in;
        this.onBytes = onBytes;
    }

    /** The next event, or null at the end of the stream. */
    Event next() throws IOException {
        StringBuilder data = null;
        long arrived = 0;
        String text;
        while ((text = readLine()) != null) {
            if (text.isEmpty()) {
                if (data != null) {
                    return new Event(data.toString(), arrived);
                }
                continue;
            }
            if (text.charAt(0) == ':') {
                continue;
            }
            int colon = text.indexOf(':');
            String field = colon < 0 ? text : text.substring(0, colon);
            if (!field.equals("data")) {
                continue;
            }
            String value = colon < 0 ? "" : text.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (data == null) {
                data = new StringBuilder(value);
            } else {
                if (data.length() + value.length() >= MAX_LINE_BYTES) {
                    throw new AnswerTooLargeException("a server-sent event", MAX_LINE_BYTES);
                }
                data.append('\n').append(value);
            }
            arrived = lineAtNanos;
        }
        // A stream that ends without the blank line after its last event still delivered that event.
        return data == null ? null : new Event(data.toString(), arrived);
    }

    /** The next line without its terminator, or null at the end of the stream; sets {@link #lineAtNanos}. */
    private String readLine() throws IOException {
        line.reset();
        while (true) {
            if (position == limit) {
                int read = in.read(buffer);
                if (read < 0) {
                    return line.size() == 0 ? null : finishLine();
                }
                readAtNanos = System.nanoTime();
                onBytes.run();
                position = 0;
                limit = read;
            }
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    append(i - position);
                    position = i + 1;
                    return finishLine();
                }
            }
            append(limit - position);
            position = limit;
        }
    }

    private void append(int bytes) throws AnswerTooLargeException {
        if (line.size() + bytes > MAX_LINE_BYTES) {
            throw new AnswerTooLargeException("a server-sent event line", MAX_LINE_BYTES);
        }
        line.write(buffer, position, bytes);
    }

    private String finishLine() {
        lineAtNanos = readAtNanos;
        byte[] bytes = line.toByteArray();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
