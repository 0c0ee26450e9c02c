package io.clusterbench.net;

import java.io.IOException;

/** A server's answer that breaks its protocol's framing, refused before the client parses it. */
public final class MalformedAnswerException extends IOException {
    private static final long serialVersionUID = 1L;

    public MalformedAnswerException(String message) {
        super(message);
    }
}
