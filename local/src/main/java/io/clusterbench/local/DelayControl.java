package io.clusterbench.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The delay a {@link DelayProxy} adds, read from a control file holding a whole number of microseconds; a missing,
 * empty or unreadable file means no delay.
 *
 * <p>A file, not a port or a signal, so that any command can set it: the benchmark's tuning action is
 * {@code sh -c "echo 2000 > FILE"} over SSH, with {@code cat FILE} as its read-back.
 */
final class DelayControl {

    /**
     * Re-read at least this often even when the file looks unchanged: {@code echo N > FILE} truncates, then writes,
     * and both can fall within one tick of the file system's coarse mtime clock with the same size as before.
     */
    static final long FORCED_REREAD_NANOS = 50_000_000L;

    private final Path file;
    private volatile long micros;
    private Object seen;
    private long lastReadNanos;
    private boolean everRead;

    DelayControl(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The delay in microseconds as last read. */
    long micros() {
        return micros;
    }

    /** The control file. */
    Path file() {
        return file;
    }

    /**
     * Reads the file again when its modification time or size changed since the last read, or when the last read is
     * {@value #FORCED_REREAD_NANOS} ns old; returns the delay now in force. Called by one thread only.
     */
    long refresh() {
        long now = System.nanoTime();
        Object signature = signature();
        if (!everRead || !signature.equals(seen) || now - lastReadNanos >= FORCED_REREAD_NANOS) {
            micros = parse(read());
            seen = signature;
            lastReadNanos = now;
            everRead = true;
        }
        return micros;
    }

    /** A whole number of microseconds, surrounding space allowed; anything else (empty, negative, text) is 0. */
    static long parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(trimmed));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Object signature() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.lastModifiedTime() + "/" + attributes.size();
        } catch (IOException e) {
            return "absent";
        }
    }

    private String read() {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            // A file half-written or replaced under us; the next refresh reads it again.
            return "";
        }
    }
}
