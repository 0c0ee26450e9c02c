package io.clusterbench.ssh;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one remote command returned: exit code, output (each stream capped, with a flag when cut) and how long it ran.
 *
 * @param exitCode the command's exit status, or {@link #NO_EXIT_CODE} when it was killed by a signal
 * @param stdout standard output decoded as UTF-8, at most {@link SshConnection#OUTPUT_CAP_BYTES} bytes of it
 * @param stdoutTruncated whether standard output was longer than the cap and was cut
 * @param stderr standard error decoded as UTF-8, at most {@link SshConnection#OUTPUT_CAP_BYTES} bytes of it
 * @param stderrTruncated whether standard error was longer than the cap and was cut
 * @param duration from sending the command to receiving its exit status
 * @param exitSignal the signal name without {@code SIG} ({@code KILL}, {@code TERM}, ...) when the command was killed
 *     by one
 */
public record ExecResult(
        int exitCode,
        String stdout,
        boolean stdoutTruncated,
        String stderr,
        boolean stderrTruncated,
        Duration duration,
        Optional<String> exitSignal) {

    /** The exit code reported when the remote process ended by a signal and so has none. */
    public static final int NO_EXIT_CODE = -1;

    public ExecResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(exitSignal, "exitSignal");
    }

    /** Whether the command exited with status 0. */
    public boolean succeeded() {
        return exitCode == 0 && exitSignal.isEmpty();
    }
}
