package io.clusterbench.tune.ssh;

import java.nio.charset.StandardCharsets;

/** Cuts command output to a size that evidence lines and messages can carry. */
final class Excerpt {
    /** How much of each output stream the evidence keeps. */
    static final int EVIDENCE_BYTES = 2048;
    /** How much of an output a one-sentence message quotes. */
    static final int MESSAGE_CHARS = 200;

    private Excerpt() {
    }

    /**
     * At most {@link #EVIDENCE_BYTES} bytes of UTF-8 from {@code text}, cut between characters, with a marker saying
     * how much was dropped; {@code alreadyCut} says the SSH layer had already dropped output past its own cap.
     */
    static String of(String text, boolean alreadyCut) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= EVIDENCE_BYTES) {
            return alreadyCut ? text + " [cut: longer than the SSH output cap]" : text;
        }
        int keptBytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (keptBytes + size > EVIDENCE_BYTES) {
                break;
            }
            keptBytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end) + " [cut: " + (bytes.length - keptBytes) + " more bytes"
                + (alreadyCut ? ", and more past the SSH output cap" : "") + "]";
    }

    /** A short quotation on one line, for messages: line breaks shown as {@code \n}. */
    static String quote(String text) {
        String line = text.strip().replace("\r", "\\r").replace("\n", "\\n");
        if (line.length() > MESSAGE_CHARS) {
            line = line.substring(0, MESSAGE_CHARS) + "...";
        }
        return "'" + line + "'";
    }
}
