package io.clusterbench.tune;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ssh.ExecResult;
import io.clusterbench.ssh.SshConnection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Finds out, without running it, whether a program an action would run exists on the host, so that planning knows
 * apply would fail before anything is changed. It asks the host's POSIX {@code sh} for {@code command -v}, which
 * finds builtins, programs on the PATH and executable paths alike, and runs nothing else.
 */
public final class ProgramLookup {

    private ProgramLookup() {
    }

    /**
     * Why {@code program} cannot be run on the host, or empty when it can.
     *
     * @param role what the program is for, for the sentence: {@code run}, {@code check}, {@code undo}
     * @param host the host id, for the sentence
     */
    public static Optional<String> missing(SshConnection connection, String program, String role, String host,
            Duration timeout) throws ClusterBenchException {
        // "$1" keeps the name one word, whatever characters it holds; the shell expands nothing in it.
        ExecResult found = connection.exec(List.of("sh", "-c", "command -v -- \"$1\"", "sh", program), timeout);
        if (found.succeeded()) {
            return Optional.empty();
        }
        return Optional.of("the " + role + " program '" + program + "' is not found on host '" + host
                + "' (command -v exited " + found.exitCode() + "): install it, or give its full path");
    }
}
