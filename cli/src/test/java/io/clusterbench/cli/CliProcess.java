package io.clusterbench.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Test helper: clusterbench in a separate JVM, read line by line, so that a test can signal or kill it at a moment
 * that the output names, and then read what it printed and how it exited.
 */
final class CliProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader output;
    private final List<String> lines = new ArrayList<>();

    private CliProcess(Process process) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static CliProcess start(String... args) throws IOException {
        return start(CliRun.javaCommand(args));
    }

    /** Runs a whole command line, such as {@link CliRun#javaCommand} wrapped to run in a network namespace. */
    static CliProcess start(List<String> command) throws IOException {
        return new CliProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Reads lines until one matches; false when the output ended first. */
    boolean awaitLine(Predicate<String> wanted) throws IOException {
        String line;
        while ((line = output.readLine()) != null) {
            lines.add(line);
            if (wanted.test(line)) {
                return true;
            }
        }
        return false;
    }

    /** Sends a signal by name ({@code INT}, {@code TERM}, {@code KILL}) with kill(1). */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** Reads the rest of the output and waits for the exit; returns the exit code, or -1 after the time. */
    int awaitExit(long seconds) throws IOException, InterruptedException {
        Thread drain = new Thread(() -> {
            try {
                String line;
                while ((line = output.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // The process is gone; what it printed is kept.
            }
        });
        drain.start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            return -1;
        }
        drain.join(TimeUnit.SECONDS.toMillis(5));
        return process.exitValue();
    }

    /** Everything printed so far, one string. */
    String printed() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    Process process() {
        return process;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
