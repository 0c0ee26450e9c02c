package io.clusterbench.ssh;

import io.clusterbench.ClusterBenchException;
import java.util.Objects;

/**
 * An SSH failure that carries its precise {@link Reason}, so that callers tell a changed host key from a refused
 * login or a timeout by type rather than by reading the message.
 *
 * <p>Each reason fixes the coarse {@link ClusterBenchException.Kind} (which fronts map to an exit code) and the
 * error-kind word a probe records in {@code result.json}; the message stays the user-facing explanation.
 */
public final class SshException extends ClusterBenchException {
    private static final long serialVersionUID = 1L;

    /** Why an SSH operation failed, as finely as the ssh package can tell. */
    public enum Reason {
        /** known_hosts holds a different key for the host than the one it presented. */
        HOST_KEY_CHANGED(Kind.CONNECTION, "host-key"),
        /** known_hosts holds no key for the host. */
        HOST_KEY_UNKNOWN(Kind.CONNECTION, "host-key"),
        /** The presented key's fingerprint differs from the one pinned in the spec. */
        HOST_KEY_MISMATCH(Kind.CONNECTION, "host-key"),
        /** The server's key could not be verified for a reason sshj gave but the guard did not record. */
        HOST_KEY_UNVERIFIABLE(Kind.CONNECTION, "host-key"),
        /** The known_hosts file named for the host is missing or cannot be read. */
        KNOWN_HOSTS_UNREADABLE(Kind.CONNECTION, "host-key"),
        /** The server refused the user's key or password. */
        AUTH_REFUSED(Kind.CONNECTION, "auth"),
        /**
         * The server dropped the connection during authentication; counted as {@code auth} because it happens
         * after the host answered, typically on a login restriction or MaxStartups.
         */
        AUTH_INTERRUPTED(Kind.CONNECTION, "auth"),
        /** The client key cannot be used: unreadable file, wrong or missing passphrase, or text that is no key. */
        KEY_UNUSABLE(Kind.CONNECTION, "auth"),
        /** The address does not resolve, there is no route, or nothing listens on the port. */
        UNREACHABLE(Kind.CONNECTION, "unreachable"),
        /** Nothing answered the SSH handshake within the connect timeout. */
        CONNECT_TIMEOUT(Kind.CONNECTION, "timeout"),
        /** Something answered but the SSH handshake failed, for example no shared algorithm or not an SSH server. */
        HANDSHAKE_FAILED(Kind.CONNECTION, "unreachable"),
        /** An established connection broke while a command ran. */
        CONNECTION_LOST(Kind.CONNECTION, "unreachable"),
        /** A command was still running at its timeout and was killed. */
        COMMAND_TIMEOUT(Kind.REMOTE, "timeout"),
        /** The thread waiting for a command was interrupted; the command was killed. */
        COMMAND_INTERRUPTED(Kind.REMOTE, "remote"),
        /** The connection is up but the server refused to open a session or run the command (e.g. MaxSessions). */
        COMMAND_REFUSED(Kind.REMOTE, "remote"),
        /** The command's channel closed without an exit status or signal. */
        NO_EXIT_STATUS(Kind.REMOTE, "remote"),
        /** A command argument cannot be passed to a remote shell at all (it holds a NUL character). */
        INVALID_COMMAND(Kind.INVALID_SPEC, "invalid-spec"),
        /** A host id that the pool of connections does not know. */
        UNKNOWN_HOST_ID(Kind.INVALID_SPEC, "invalid-spec");

        private final Kind kind;
        private final String errorKind;

        Reason(Kind kind, String errorKind) {
            this.kind = kind;
            this.errorKind = errorKind;
        }

        /** The coarse kind, which fronts map to an exit code. */
        public Kind kind() {
            return kind;
        }

        /**
         * The word a probe records for this failure: {@code host-key}, {@code auth}, {@code unreachable},
         * {@code timeout}, {@code remote} or {@code invalid-spec}.
         */
        public String errorKind() {
            return errorKind;
        }
    }

    private final Reason reason;

    public SshException(Reason reason, String message) {
        super(Objects.requireNonNull(reason, "reason").kind(), message);
        this.reason = reason;
    }

    public SshException(Reason reason, String message, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason").kind(), message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The word a probe records in {@code result.json} for this failure; see {@link Reason#errorKind()}. */
    public String errorKind() {
        return reason.errorKind();
    }
}
