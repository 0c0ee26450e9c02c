package io.clusterbench.tune.ssh;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ssh.ExecResult;
import io.clusterbench.ssh.SshConnection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the check command read: its trimmed output and exit code, which together are the state compared before and
 * after a change and after a rollback.
 */
record CheckReading(String output, int exitCode, String stderr) {
    static final String OUTPUT_KEY = "check";
    static final String EXIT_KEY = "checkExit";

    static CheckReading read(SshConnection connection, List<String> check, Duration timeout)
            throws ClusterBenchException {
        ExecResult result = connection.exec(check, timeout);
        return new CheckReading(Excerpt.of(result.stdout().strip(), result.stdoutTruncated()), result.exitCode(),
                result.stderr());
    }

    /**
     * Whether the shell could not run the check at all: 127, command not found, or 126, found but not executable.
     * Such a check never exits 0, so the action's read-back can never pass.
     */
    boolean notRunnable() {
        return exitCode == 126 || exitCode == 127;
    }

    /** The state as evidence records it. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(OUTPUT_KEY, output);
        values.put(EXIT_KEY, Integer.toString(exitCode));
        return values;
    }

    /** Whether this reading is the state recorded in {@code before}. */
    boolean sameAs(Map<String, String> before) {
        return output.equals(before.get(OUTPUT_KEY)) && Integer.toString(exitCode).equals(before.get(EXIT_KEY));
    }

    /** One clause for messages: {@code check 'cat' exited 0 and printed 'x'}. */
    String describe(List<String> check) {
        String clause = "check '" + check.get(0) + "' exited " + exitCode + " and printed " + Excerpt.quote(output);
        return exitCode == 0 || stderr.isBlank() ? clause : clause + " (stderr " + Excerpt.quote(stderr) + ")";
    }
}
