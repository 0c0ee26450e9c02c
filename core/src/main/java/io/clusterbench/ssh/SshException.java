package io.clusterbench.ssh;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.result.ErrorKind;
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
        HOST_KEY_CHANGED(Kind.CONNECTION, ErrorKind.HOST_KEY),
        /** known_hosts holds no key for the host. */
        HOST_KEY_UNKNOWN(Kind.CONNECTION, ErrorKind.HOST_KEY),
        /** The presented key's fingerprint differs from the one pinned in the spec. */
        HOST_KEY_MISMATCH(Kind.CONNECTION, ErrorKind.HOST_KEY),
        /** The server's key could not be verified for a reason sshj gave but the guard did not record. */
        HOST_KEY_UNVERIFIABLE(Kind.CONNECTION, ErrorKind.HOST_KEY),
        /** The known_hosts file named for the host is missing or cannot be read. */
        KNOWN_HOSTS_UNREADABLE(Kind.CONNECTION, ErrorKind.HOST_KEY),
        /** The server refused the user's key or password. */
        AUTH_REFUSED(Kind.CONNECTION, ErrorKind.AUTH),
        /**
         * The server dropped the connection during authentication; counted as {@code auth} because it happens
         * after the host answered, typically on a login restriction or MaxStartups.
         */
        AUTH_INTERRUPTED(Kind.CONNECTION, ErrorKind.AUTH),
        /** The client key cannot be used: unreadable file, wrong or missing passphrase, or text that is no key. */
        KEY_UNUSABLE(Kind.CONNECTION, ErrorKind.AUTH),
        /** The address does not resolve, there is no route, or nothing listens on the port. */
        UNREACHABLE(Kind.CONNECTION, ErrorKind.UNREACHABLE),
        /** Nothing answered the SSH handshake within the connect timeout. */
        CONNECT_TIMEOUT(Kind.CONNECTION, ErrorKind.TIMEOUT),
        /** Something answered but the SSH handshake failed, for example no shared algorithm or not an SSH server. */
        HANDSHAKE_FAILED(Kind.CONNECTION, ErrorKind.UNREACHABLE),
        /** An established connection broke while a command ran. */
        CONNECTION_LOST(Kind.CONNECTION, ErrorKind.UNREACHABLE),
        /** A command was still running at its timeout and was killed. */
        COMMAND_TIMEOUT(Kind.REMOTE, ErrorKind.TIMEOUT),
        /** The thread waiting for a command was interrupted; the command was killed. */
        COMMAND_INTERRUPTED(Kind.REMOTE, ErrorKind.REMOTE),
        /** The connection is up but the server refused to open a session or run the command (e.g. MaxSessions). */
        COMMAND_REFUSED(Kind.REMOTE, ErrorKind.REMOTE),
        /** The command's channel closed without an exit status or signal. */
        NO_EXIT_STATUS(Kind.REMOTE, ErrorKind.REMOTE),
        /** A command argument cannot be passed to a remote shell at all (it holds a NUL character). */
        INVALID_COMMAND(Kind.INVALID_SPEC, ErrorKind.INVALID_SPEC),
        /** A host id that the pool of connections does not know. */
        UNKNOWN_HOST_ID(Kind.INVALID_SPEC, ErrorKind.INVALID_SPEC);

        private final Kind kind;
        private final ErrorKind errorKind;

        Reason(Kind kind, ErrorKind errorKind) {
            this.kind = kind;
            this.errorKind = errorKind;
        }

        /** The coarse kind, which fronts map to an exit code. */
        public Kind kind() {
            return kind;
        }

        /**
         * The kind a probe records for this failure: {@code HOST_KEY}, {@code AUTH}, {@code UNREACHABLE},
         * {@code TIMEOUT}, {@code REMOTE} or {@code INVALID_SPEC}.
         */
        public ErrorKind errorKind() {
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

    /** The kind a probe records in {@code result.json} for this failure; see {@link Reason#errorKind()}. */
    public ErrorKind errorKind() {
        return reason.errorKind();
    }
}
