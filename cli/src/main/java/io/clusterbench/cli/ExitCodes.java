package io.clusterbench.cli;

import io.clusterbench.ClusterBenchException;

/**
 * The exit codes of {@code clusterbench}, one per kind of outcome, so that scripts and CI can tell them apart
 * (documented in docs/cli.md).
 */
public final class ExitCodes {
    /** Done; everything asked for worked. */
    public static final int OK = 0;
    /** Ran, but some probes failed or measured only partly; result.json says which and why. */
    public static final int SOME_PROBES_FAILED = 1;
    /** The spec is invalid; every problem was printed with file:line:column. */
    public static final int INVALID_SPEC = 2;
    /**
     * The command line is wrong: unknown option, missing argument, a value out of its range. Nothing ran or was
     * written. The same code as an invalid spec: both are input the user fixes before anything can run.
     */
    public static final int USAGE = 2;
    /** Something on this machine is missing or unusable: a server binary, a writable folder. */
    public static final int ENVIRONMENT = 3;
    /** A host or service could not be reached, refused authentication or timed out. */
    public static final int CONNECTION = 4;
    /** A remote command or protocol exchange failed. */
    public static final int REMOTE = 5;
    /** Another input file (a result.json, a history folder) is unreadable or invalid. */
    public static final int INVALID_INPUT = 6;
    /** Another run holds the cluster's lease (settings.lease); nothing was changed or loaded. */
    public static final int BUSY = 7;
    /**
     * The tuning's preflight found a required action known to fail ({@code tune --plan}), or refused to apply any
     * action because of it ({@code tune --apply}, {@code run}): nothing was changed. Not 1, which says that a change
     * was tried and failed, perhaps after others were applied and rolled back.
     */
    public static final int PREFLIGHT = 8;
    /**
     * {@code merge}: the shard results do not make one run (other run ids or specs, a shard twice or missing);
     * nothing was written.
     */
    public static final int MERGE_REFUSED = 9;
    /** {@code merge}: a shard's clock was further from the coordinator's than allowed; nothing was written. */
    public static final int CLOCK_SKEW = 10;
    /** A bug in clusterbench: please report it with the printed details. */
    public static final int INTERNAL = 70;
    /** Stopped by Ctrl-C or SIGTERM. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    /** Maps a user-caused failure to its exit code. */
    public static int of(ClusterBenchException.Kind kind) {
        return switch (kind) {
            case INVALID_SPEC -> INVALID_SPEC;
            case INVALID_INPUT -> INVALID_INPUT;
            case ENVIRONMENT -> ENVIRONMENT;
            case CONNECTION -> CONNECTION;
            case REMOTE -> REMOTE;
            case USAGE -> USAGE;
            case BUSY -> BUSY;
            case MERGE_REFUSED -> MERGE_REFUSED;
            case CLOCK_SKEW -> CLOCK_SKEW;
        };
    }
}
