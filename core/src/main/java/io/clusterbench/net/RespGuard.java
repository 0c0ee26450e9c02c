package io.clusterbench.net;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a Redis connection's replies (RESP2 and RESP3) as they pass to the Redis client, and fails the read before the
 * client sees a reply that breaks the limits: a length or element count above the cap, a reply larger than the cap
 * in all, a line without its end, or a reply that does not end within the deadline of its first byte.
 *
 * <p>Why: Jedis allocates what a header announces before reading it ({@code $2000000000} is a 2 GB array,
 * {@code *2000000000} a list of that capacity), reads a line for as long as it lasts, and its socket timeout starts
 * again with every byte. The scan is flat: a reply's end is where the elements its headers announced have all
 * arrived, counted without a stack, so that the nesting costs nothing here.
 */
final class RespGuard extends FilterInputStream {
    /** The longest line: a simple string, an error, a number or a header; Redis's own inline limit. */
    static final int LINE_CAP_BYTES = 64 * 1024;
    private static final long HUGE = 1L << 40;

    private final BoundedResp.Limits limits;
    /** Elements announced and not yet begun in the current reply; 0 between replies. */
    private long pending;
    /** Bytes of a bulk string (and its CRLF) still to pass. */
    private long payloadLeft;
    /** The type byte of the line being read, or 0 when the next byte is a type byte. */
    private byte lineType;
    private int lineLength;
    private long lineNumber;
    private boolean lineNegative;
    private boolean lineDigits;
    private boolean lineNotNumber;
    private long replyBytes;
    private long replyElements;
    private long replyStart;
    private IOException failure;

    RespGuard(InputStream in, BoundedResp.Limits limits) {
        super(in);
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (failure != null) {
            throw failure;
        }
        checkDeadline();
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            try {
                scan(buffer, offset, n);
                checkDeadline();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes are scanned too, or the framing would be lost.
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(0, n))];
        int read = buffer.length == 0 ? 0 : read(buffer, 0, buffer.length);
        return Math.max(0, read);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private boolean inReply() {
        return pending > 0 || payloadLeft > 0 || lineType != 0;
    }

    private void checkDeadline() throws AnswerTooSlowException {
        long deadline = limits.replyDeadline().toNanos();
        if (deadline > 0 && inReply() && System.nanoTime() - replyStart > deadline) {
            throw new AnswerTooSlowException("a Redis reply", limits.replyDeadline().toMillis());
        }
    }

    private void scan(byte[] buffer, int offset, int n) throws IOException {
        int i = offset;
        int end = offset + n;
        while (i < end) {
            if (payloadLeft > 0) {
                int take = (int) Math.min(payloadLeft, end - i);
                payloadLeft -= take;
                i += take;
                count(take);
                continue;
            }
            byte b = buffer[i++];
            if (!inReply()) {
                startReply();
            }
            count(1);
            if (lineType == 0) {
                startLine(b);
            } else if (b == '\n') {
                endLine();
            } else {
                lineByte(b);
            }
        }
    }

    private void startReply() {
        pending = 1;
        replyBytes = 0;
        replyElements = 0;
        replyStart = System.nanoTime();
    }

    private void count(int bytes) throws AnswerTooLargeException {
        replyBytes += bytes;
        if (replyBytes > limits.replyCapBytes()) {
            throw new AnswerTooLargeException("a Redis reply", limits.replyCapBytes());
        }
    }

    private void startLine(byte type) {
        lineType = type == 0 ? (byte) '?' : type;
        lineLength = 0;
        lineNumber = 0;
        lineNegative = false;
        lineDigits = false;
        lineNotNumber = false;
    }

    private void lineByte(byte b) throws AnswerTooLargeException {
        if (++lineLength > LINE_CAP_BYTES) {
            throw new AnswerTooLargeException("a line of a Redis reply", LINE_CAP_BYTES);
        }
        if (b >= '0' && b <= '9') {
            lineDigits = true;
            lineNumber = Math.min(HUGE, lineNumber * 10 + (b - '0'));
        } else if (b == '-' && lineLength == 1) {
            lineNegative = true;
        } else if (b != '\r') {
            lineNotNumber = true;
        }
    }

    private void endLine() throws IOException {
        byte type = lineType;
        lineType = 0;
        switch (type) {
            case '$', '=', '!' -> bulk(type);
            case '*', '~', '>' -> aggregate(type, 1, true);
            case '%' -> aggregate(type, 2, true);
            // An attribute comes before the value it describes, and takes none of the announced elements' places.
            case '|' -> aggregate(type, 2, false);
            default -> pending--;
        }
    }

    private long length(byte type) throws IOException {
        if (!lineDigits || lineNotNumber) {
            throw new MalformedAnswerException("a Redis reply's '" + (char) type + "' header has no length: is a Redis server"
                    + " listening there?");
        }
        return lineNegative ? -1 : lineNumber;
    }

    private void bulk(byte type) throws IOException {
        long length = length(type);
        pending--;
        if (length > limits.replyCapBytes()) {
            throw new AnswerTooLargeException("a Redis bulk string", length, "bytes",
                    AnswerTooLargeException.size(limits.replyCapBytes()));
        }
        if (length >= 0) {
            payloadLeft = length + 2;
        }
    }

    private void aggregate(byte type, int perEntry, boolean takesAPlace) throws IOException {
        long entries = length(type);
        if (takesAPlace) {
            pending--;
        }
        if (entries <= 0) {
            return;
        }
        long elements = entries * perEntry;
        replyElements += elements;
        if (replyElements > limits.elementCap()) {
            throw new AnswerTooLargeException("a Redis reply", replyElements, "elements in its arrays",
                    limits.elementCap() + " elements");
        }
        pending += elements;
    }
}
