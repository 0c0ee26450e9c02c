package io.clusterbench.probe;

import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ProbeError;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a probe's errors from many threads, counting repeats, so that 10,000 identical timeouts become one
 * line with a count rather than 10,000 lines.
 */
public final class ErrorLog {
    /** Distinct errors kept; beyond this, new ones are counted in one entry of kind {@code more}. */
    private static final int MAX_DISTINCT = 50;

    private final Clock clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public ErrorLog(Clock clock) {
        this.clock = clock;
    }

    /** Records one occurrence of an error. */
    public synchronized void add(ErrorKind kind, String message) {
        add(kind, message, 1);
    }

    /** Records {@code count} occurrences of an error at once (at least one). */
    public synchronized void add(ErrorKind kind, String message, long count) {
        String key = kind.word() + "\u0000" + message;
        Entry entry = entries.get(key);
        if (entry == null && entries.size() >= MAX_DISTINCT) {
            key = "more\u0000further distinct errors (only the first " + MAX_DISTINCT + " are listed)";
            entry = entries.get(key);
            kind = ErrorKind.MORE;
            message = "further distinct errors (only the first " + MAX_DISTINCT + " are listed)";
        }
        if (entry == null) {
            entry = new Entry(kind, message, clock.instant());
            entries.put(key, entry);
            entry.count += Math.max(1, count) - 1;
        } else {
            entry.count += Math.max(1, count);
        }
    }

    /** Whether any error was recorded. */
    public synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The errors recorded, in order of first occurrence. */
    public synchronized List<ProbeError> errors() {
        List<ProbeError> errors = new ArrayList<>();
        for (Entry entry : entries.values()) {
            errors.add(new ProbeError(entry.kind, entry.message, entry.count, entry.firstAt));
        }
        return errors;
    }

    private static final class Entry {
        final ErrorKind kind;
        final String message;
        final Instant firstAt;
        long count = 1;

        Entry(ErrorKind kind, String message, Instant firstAt) {
            this.kind = kind;
            this.message = message;
            this.firstAt = firstAt;
        }
    }
}
