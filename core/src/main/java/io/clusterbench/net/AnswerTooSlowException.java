package io.clusterbench.net;

import java.io.IOException;

/** A server's answer began but did not end within the deadline the reader allows: it trickled or never ends. */
public final class AnswerTooSlowException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param what what was too slow, such as "Redis reply"
     * @param deadlineMillis the deadline from the answer's first byte
     */
    public AnswerTooSlowException(String what, long deadlineMillis) {
        super(what + " did not end within " + deadlineMillis + " ms of its first byte: it trickled or never ends");
    }
}
