package io.clusterbench.net;

import java.io.IOException;

/** A server's answer (a body, a line of a stream) was larger than the cap the reader allows. */
public final class AnswerTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param what what was too large, such as "answer" or "server-sent event line"
     * @param capBytes the cap
     */
    public AnswerTooLargeException(String what, long capBytes) {
        super(what + " larger than " + size(capBytes) + "; the reader stops there so that a broken or hostile"
                + " server cannot fill this machine's memory");
    }

    /**
     * An answer refused on its header alone: it announced a length above the cap, so that it is never allocated.
     *
     * @param what what announced it, such as "a Redis bulk string"
     * @param announced the length it announced
     * @param unit what the length counts, such as "bytes" or "elements"
     * @param cap the cap, in the same unit
     */
    public AnswerTooLargeException(String what, long announced, String unit, String cap) {
        super(what + " announced " + announced + " " + unit + ", more than the cap of " + cap + "; the reader refuses"
                + " it before allocating anything, so that a broken or hostile server cannot fill this machine's"
                + " memory");
    }

    /** A byte count as "16 MiB" or "64 KiB", as the docs state the caps. */
    public static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
