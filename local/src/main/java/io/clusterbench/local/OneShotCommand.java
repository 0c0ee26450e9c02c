package io.clusterbench.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Runs a short helper command (ssh-keygen, nginx -s reload) to completion and returns its output. */
final class OneShotCommand {

    private OneShotCommand() {
    }

    /**
     * Runs the command in the folder; a non-zero exit or a timeout is a failure whose message shows the output.
     *
     * @param secrets arguments to show as {@code ****} in messages, such as a passphrase
     */
    static String run(List<String> command, Path workDir, Duration timeout, Set<String> secrets)
            throws LocalServerException {
        String shown = String.join(" ", command.stream().map(arg -> secrets.contains(arg) ? "****" : arg).toList());
        Path output = null;
        try {
            // A file, not a pipe: reading a pipe would block forever on a command that hangs with its output open.
            output = Files.createTempFile(workDir, ".command-", ".log");
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new LocalServerException(
                        "command did not finish within " + timeout.toMillis() + " ms: " + shown);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new LocalServerException("command failed with exit code "
                        + process.exitValue() + ": " + shown + (text.isBlank() ? "" : "\n" + text.strip()));
            }
            return text;
        } catch (IOException e) {
            throw new LocalServerException("cannot run " + shown + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalServerException("interrupted while running " + shown, e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // A leftover log in a temporary server folder is harmless.
                }
            }
        }
    }
}
