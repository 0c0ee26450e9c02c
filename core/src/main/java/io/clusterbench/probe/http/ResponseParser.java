package io.clusterbench.probe.http;

import java.io.EOFException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * Reads HTTP/1.1 responses as their bytes arrive on a non-blocking connection, and throws their bodies away: the
 * status line, the headers that frame the body, then the body by {@code Content-Length}, by chunks, or up to the end
 * of the connection. It keeps its place between arrivals, so a response may come in any number of pieces, and it
 * allocates nothing per response: header names are compared as bytes, and only the status line is decoded.
 *
 * <p>Use: {@link #start} before each response, then hand every arrival to {@link #accept} until it returns true;
 * at the end of the stream call {@link #ended}. The bytes are read into one buffer per event loop and parsed
 * where they lie; a connection keeps only a line cut in two by the network, so its memory does not grow with the
 * number of connections a loop holds.
 */
final class ResponseParser {
    /** The longest status, header or chunk-size line accepted: a bound on what one response may make us hold. */
    static final int MAX_LINE = 64 * 1024;
    /** A carry no larger than this is kept for the next arrival; a larger one is let go once emptied. */
    private static final int CARRY_KEPT = 1024;

    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");

    /** Where in a response the next bytes belong. */
    private enum Part { STATUS_LINE, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_CLOSE, DONE }

    /** The bytes being parsed: the loop's shared read buffer, or {@link #carry} when bytes were kept. */
    private byte[] buffer;
    private int position;
    private int limit;
    /**
     * What is kept between arrivals: the start of a line not yet whole (at most {@link #MAX_LINE}), or bytes after
     * a response; null when nothing is, so that an idle connection holds no buffer at all.
     */
    private byte[] carry;
    private int carried;
    /** Where the search for the end of the current line goes on, so that no byte is scanned twice. */
    private int scanned;
    private Part part = Part.DONE;
    private boolean head;
    private boolean receivedAny;
    private int status;
    private boolean http10;
    private long contentLength;
    private boolean chunked;
    private boolean close;
    private boolean keepAliveToken;
    private boolean keepAlive;
    /** Body or chunk bytes still to skip. */
    private long left;
    /** Where the line that {@link #lineEnd} found begins. */
    private int lineStartAt;

    /**
     * Expects a new response.
     *
     * @param headRequest whether the request was a HEAD, whose response has no body whatever its headers say
     */
    void start(boolean headRequest) {
        this.head = headRequest;
        this.part = Part.STATUS_LINE;
        this.receivedAny = carried > 0;
    }

    /**
     * Takes in bytes that arrived; true when they completed a final response (interim {@code 1xx} ones are
     * skipped). Bytes after it are kept for the next response.
     *
     * @throws ProtocolException when the response is malformed or a line is longer than {@link #MAX_LINE}
     */
    boolean accept(byte[] bytes, int offset, int length) throws ProtocolException {
        receivedAny |= length > 0;
        if (carried == 0) {
            buffer = bytes;
            position = offset;
            scanned = offset;
            limit = offset + length;
        } else {
            ensureCarry(carried + length);
            System.arraycopy(bytes, offset, carry, carried, length);
            buffer = carry;
            scanned = scanned - position;
            position = 0;
            limit = carried + length;
        }
        boolean complete = parse();
        keepRest();
        return complete;
    }

    /** Keeps the bytes not parsed yet, which the shared buffer will not hold past this arrival. */
    private void keepRest() {
        int rest = limit - position;
        if (rest == 0) {
            carried = 0;
            if (carry != null && carry.length > CARRY_KEPT) {
                carry = null;
            }
        } else if (buffer == carry) {
            System.arraycopy(carry, position, carry, 0, rest);
            carried = rest;
        } else {
            ensureCarry(rest);
            System.arraycopy(buffer, position, carry, 0, rest);
            carried = rest;
        }
        scanned -= position;
        position = 0;
        limit = carried;
        buffer = carry;
    }

    private void ensureCarry(int size) {
        if (carry == null || carry.length < size) {
            byte[] larger = new byte[Math.max(size, carry == null ? CARRY_KEPT : carry.length * 2)];
            if (carry != null) {
                System.arraycopy(carry, 0, larger, 0, carried);
            }
            carry = larger;
        }
    }

    /** Whether any byte of the current response arrived; a kept-alive connection closed before that was stale. */
    boolean receivedAny() {
        return receivedAny;
    }

    /** The final status code of the response just completed. */
    int status() {
        return status;
    }

    /** Whether the connection may carry the next request after the response just completed. */
    boolean keepAlive() {
        return keepAlive;
    }

    /**
     * Takes in the bytes that arrived; true when they completed a final response (interim {@code 1xx} ones are
     * skipped).
     *
     * @throws ProtocolException when the response is malformed or a line is longer than {@link #MAX_LINE}
     */
    private boolean parse() throws ProtocolException {
        while (true) {
            switch (part) {
                case STATUS_LINE -> {
                    int end = lineEnd();
                    if (end < 0) {
                        return false;
                    }
                    statusLine(lineStartAt, end);
                    part = Part.HEADERS;
                }
                case HEADERS -> {
                    int end = lineEnd();
                    if (end < 0) {
                        return false;
                    }
                    int start = lineStartAt;
                    if (end > start) {
                        header(start, end);
                    } else if (endOfHeaders()) {
                        return true;
                    }
                }
                case BODY -> {
                    if (!skipped()) {
                        return false;
                    }
                    part = Part.DONE;
                    return true;
                }
                case CHUNK_SIZE -> {
                    int end = lineEnd();
                    if (end < 0) {
                        return false;
                    }
                    left = chunkSize(lineStartAt, end);
                    part = left == 0 ? Part.TRAILERS : Part.CHUNK_DATA;
                }
                case CHUNK_DATA -> {
                    if (!skipped()) {
                        return false;
                    }
                    part = Part.CHUNK_END;
                }
                case CHUNK_END -> {
                    int end = lineEnd();
                    if (end < 0) {
                        return false;
                    }
                    if (end != lineStartAt) {
                        throw new ProtocolException("a chunk did not end with CRLF");
                    }
                    part = Part.CHUNK_SIZE;
                }
                case TRAILERS -> {
                    // Trailer fields, if any, end with an empty line; they are not needed.
                    int end = lineEnd();
                    if (end < 0) {
                        return false;
                    }
                    if (end == lineStartAt) {
                        part = Part.DONE;
                        return true;
                    }
                }
                case UNTIL_CLOSE -> {
                    position = limit;
                    return false;
                }
                case DONE -> {
                    return true;
                }
            }
        }
    }

    /**
     * The connection ended: true when that completes the response (a body read to the end of the connection).
     *
     * @throws EOFException when the response was cut short
     */
    boolean ended() throws EOFException {
        return switch (part) {
            case UNTIL_CLOSE, DONE -> {
                part = Part.DONE;
                yield true;
            }
            case BODY, CHUNK_DATA -> throw new EOFException("connection closed with " + left
                    + " bytes of the body missing");
            default -> throw new EOFException("connection closed in the middle of the response headers");
        };
    }

    private boolean endOfHeaders() {
        if (status >= 100 && status < 200 && status != 101) {
            part = Part.STATUS_LINE;
            return false;
        }
        keepAlive = !close && (!http10 || keepAliveToken) && status != 101;
        if (head || status == 204 || status == 304 || status == 101) {
            part = Part.DONE;
            return true;
        }
        if (chunked) {
            part = Part.CHUNK_SIZE;
        } else if (contentLength >= 0) {
            left = contentLength;
            part = Part.BODY;
        } else {
            keepAlive = false;
            part = Part.UNTIL_CLOSE;
        }
        return false;
    }

    private void statusLine(int start, int end) throws ProtocolException {
        // "HTTP/1.1 200 OK": the code is the three digits after the first space.
        int space = indexOf(start, end, (byte) ' ');
        if (!startsWith(start, end, "HTTP/") || space < 0 || end < space + 4) {
            throw new ProtocolException("not an HTTP response: " + abbreviate(start, end));
        }
        int code = 0;
        for (int i = space + 1; i < space + 4; i++) {
            byte digit = buffer[i];
            if (digit < '0' || digit > '9') {
                throw new ProtocolException("malformed status line: " + abbreviate(start, end));
            }
            code = code * 10 + (digit - '0');
        }
        if (code < 100 || code > 599) {
            throw new ProtocolException("status out of range: " + abbreviate(start, end));
        }
        status = code;
        http10 = startsWith(start, end, "HTTP/1.0");
        contentLength = -1;
        chunked = false;
        close = false;
        keepAliveToken = false;
    }

    private void header(int start, int end) throws ProtocolException {
        int colon = indexOf(start, end, (byte) ':');
        if (colon <= start) {
            throw new ProtocolException("malformed header line in the response: " + abbreviate(start, end));
        }
        int nameEnd = trimEnd(start, colon);
        int valueStart = trimStart(colon + 1, end);
        int valueEnd = trimEnd(valueStart, end);
        if (equalsIgnoreCase(start, nameEnd, CONTENT_LENGTH)) {
            contentLength = length(valueStart, valueEnd);
        } else if (equalsIgnoreCase(start, nameEnd, TRANSFER_ENCODING)) {
            chunked = valueEnd - valueStart >= CHUNKED.length
                    && equalsIgnoreCase(valueEnd - CHUNKED.length, valueEnd, CHUNKED);
        } else if (equalsIgnoreCase(start, nameEnd, CONNECTION)) {
            close |= containsIgnoreCase(valueStart, valueEnd, CLOSE);
            keepAliveToken |= containsIgnoreCase(valueStart, valueEnd, KEEP_ALIVE);
        }
    }

    private long length(int start, int end) throws ProtocolException {
        long value = 0;
        for (int i = start; i < end; i++) {
            byte digit = buffer[i];
            if (digit < '0' || digit > '9' || value > (Long.MAX_VALUE - 9) / 10) {
                throw new ProtocolException("malformed Content-Length: " + abbreviate(start, end));
            }
            value = value * 10 + (digit - '0');
        }
        if (end == start) {
            throw new ProtocolException("malformed Content-Length: " + abbreviate(start, end));
        }
        return value;
    }

    private long chunkSize(int start, int end) throws ProtocolException {
        int extension = indexOf(start, end, (byte) ';');
        int hexEnd = trimEnd(start, extension >= 0 ? extension : end);
        int hexStart = trimStart(start, hexEnd);
        long size = 0;
        for (int i = hexStart; i < hexEnd; i++) {
            int digit = Character.digit(buffer[i], 16);
            if (digit < 0 || size > (Long.MAX_VALUE >> 4)) {
                throw new ProtocolException("malformed chunk size: " + abbreviate(start, end));
            }
            size = (size << 4) + digit;
        }
        if (hexEnd == hexStart) {
            throw new ProtocolException("malformed chunk size: " + abbreviate(start, end));
        }
        return size;
    }

    /** Skips what arrived of the body or chunk; true when all of it was skipped. */
    private boolean skipped() {
        int taken = (int) Math.min(left, limit - position);
        position += taken;
        left -= taken;
        return left == 0;
    }

    /**
     * The index of the current line's LF (the line is complete), after which {@link #position} moves on; -1 while
     * it has not arrived.
     */
    private int lineEnd() throws ProtocolException {
        for (int i = Math.max(scanned, position); i < limit; i++) {
            if (buffer[i] == '\n') {
                if (i - position > MAX_LINE) {
                    throw new ProtocolException("a response header line is longer than " + MAX_LINE / 1024 + " KiB");
                }
                lineStartAt = position;
                position = i + 1;
                scanned = position;
                return i > lineStartAt && buffer[i - 1] == '\r' ? i - 1 : i;
            }
        }
        scanned = limit;
        if (limit - position >= MAX_LINE) {
            throw new ProtocolException("a response header line is longer than " + MAX_LINE / 1024 + " KiB");
        }
        return -1;
    }

    private int indexOf(int start, int end, byte wanted) {
        for (int i = start; i < end; i++) {
            if (buffer[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private boolean startsWith(int start, int end, String prefix) {
        if (end - start < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (buffer[start + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean equalsIgnoreCase(int start, int end, byte[] lowerCase) {
        if (end - start != lowerCase.length) {
            return false;
        }
        for (int i = 0; i < lowerCase.length; i++) {
            if (lower(buffer[start + i]) != lowerCase[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean containsIgnoreCase(int start, int end, byte[] lowerCase) {
        for (int i = start; i + lowerCase.length <= end; i++) {
            if (equalsIgnoreCase(i, i + lowerCase.length, lowerCase)) {
                return true;
            }
        }
        return false;
    }

    private int trimStart(int start, int end) {
        int i = start;
        while (i < end && (buffer[i] == ' ' || buffer[i] == '\t')) {
            i++;
        }
        return i;
    }

    private int trimEnd(int start, int end) {
        int i = end;
        while (i > start && (buffer[i - 1] == ' ' || buffer[i - 1] == '\t')) {
            i--;
        }
        return i;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }

    private String abbreviate(int start, int end) {
        String text = new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
