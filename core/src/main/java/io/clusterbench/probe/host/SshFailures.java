package io.clusterbench.probe.host;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.ssh.SshException;

/**
 * The error kind a probe records for a failure to reach or use a host: {@code host-key}, {@code auth},
 * {@code timeout}, {@code unreachable}, {@code remote} or {@code invalid-spec}.
 *
 * <p>The ssh package says the precise cause with {@link SshException#reason()}; only failures from outside it fall
 * back to their coarse {@link ClusterBenchException.Kind}.
 */
final class SshFailures {

    private SshFailures() {
    }

    static ErrorKind kind(ClusterBenchException e) {
        if (e instanceof SshException ssh) {
            return ssh.errorKind();
        }
        return switch (e.kind()) {
            case INVALID_SPEC, INVALID_INPUT, USAGE, MERGE_REFUSED, CLOCK_SKEW -> ErrorKind.INVALID_SPEC;
            case REMOTE -> ErrorKind.REMOTE;
            // Before connecting, the only thing on this machine a host needs is its secret (a password, key text or
            // passphrase from the environment or a file); one that cannot be read fails the login.
            case ENVIRONMENT -> ErrorKind.AUTH;
            case CONNECTION -> ErrorKind.UNREACHABLE;
            case BUSY -> ErrorKind.REFUSED;
        };
    }
}
