package io.clusterbench;

/**
 * A failure the user can cause and fix: a bad spec, an unreachable host, a refused command, a missing server binary.
 *
 * <p>The message always says where (file:line:column and spec path, or host and port) and what to do, because
 * fronts print it as it is and never show a stack trace for this type. {@link #kind()} lets fronts map the
 * failure to a distinct exit code without parsing text.
 */
public class ClusterBenchException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, coarsely, so that fronts can choose an exit code. */
    public enum Kind {
        /** The cluster spec cannot be read or is invalid. */
        INVALID_SPEC,
        /** Another input file, such as a {@code result.json} or a history folder, cannot be read or is invalid. */
        INVALID_INPUT,
        /** Something on this machine is missing or unusable: a server binary, a folder, a port. */
        ENVIRONMENT,
        /** A host or service could not be reached, refused authentication or timed out. */
        CONNECTION,
        /** A remote command or protocol exchange failed. */
        REMOTE,
        /** An option given to a flow is out of its range ({@code --min-score 101}); nothing ran or was written. */
        USAGE,
        /** Another run holds the cluster's lease; nothing was changed or loaded. */
        BUSY,
        /** Shard results that do not make one run: other run ids or specs, a shard twice or missing. */
        MERGE_REFUSED,
        /** A shard's clock was further from the coordinator's than the merge allows, so its window is unknown. */
        CLOCK_SKEW
    }

    private final Kind kind;

    public ClusterBenchException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ClusterBenchException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
