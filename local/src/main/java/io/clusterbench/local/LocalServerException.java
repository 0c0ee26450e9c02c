package io.clusterbench.local;

/**
 * A local server could not be started, reached or stopped: a missing binary (the message gives the command that
 * installs it), an unusable folder or port, a server that exited or never answered (the message holds its command
 * line and the last lines of its logs).
 *
 * <p>Its own type because this module must not depend on core (core's tests use the launchers); callers that report
 * to a user translate it, such as {@code clusterbench demo} into an environment failure with the same message.
 */
public final class LocalServerException extends Exception {
    private static final long serialVersionUID = 1L;

    public LocalServerException(String message) {
        super(message);
    }

    public LocalServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
