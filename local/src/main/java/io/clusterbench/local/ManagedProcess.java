package io.clusterbench.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** A long-running server process whose output goes to a log file in its folder, with a readiness wait and a stop. */
public final class ManagedProcess {

    /** How long a server gets to exit after SIGTERM before it is killed. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final Duration CHILD_POLL_INTERVAL = Duration.ofMillis(10);
    /** How long SIGKILLed children get to stop; the kernel needs microseconds, a loaded machine a little more. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final int LOG_TAIL_LINES = 20;

    private final String name;
    private final List<String> command;
    private final Process process;
    private final Path outputLog;
    private final List<Path> serverLogs;

    private ManagedProcess(String name, List<String> command, Process process, Path outputLog, List<Path> serverLogs) {
        this.name = name;
        this.command = command;
        this.process = process;
        this.outputLog = outputLog;
        this.serverLogs = serverLogs;
    }

    /**
     * Starts the command in the folder with stdout and stderr going to {@code NAME.out.log} there.
     *
     * @param serverLogs log files the server itself writes, whose tails also go into error messages
     */
    public static ManagedProcess start(String name, List<String> command, Path workDir, List<Path> serverLogs)
            throws LocalServerException {
        Path outputLog = workDir.resolve(name + ".out.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(outputLog.toFile()));
        try {
            Process process = builder.start();
            // Servers never read stdin; closing it makes any unexpected prompt fail fast instead of hanging.
            process.getOutputStream().close();
            return new ManagedProcess(name, List.copyOf(command), process, outputLog, List.copyOf(serverLogs));
        } catch (IOException e) {
            throw new LocalServerException(
                    "cannot start " + name + " (command: " + String.join(" ", command) + "): " + e.getMessage(), e);
        }
    }

    /** A condition that says whether the server answers; an exception counts as "not yet". */
    @FunctionalInterface
    public interface ReadinessCheck {
        boolean isReady() throws Exception;
    }

    /**
     * Polls the check until it holds, failing early when the process exits. On failure the process is stopped and
     * the message carries the command line and the last lines of its logs.
     */
    public void awaitReady(Duration timeout, ReadinessCheck check) throws LocalServerException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastProblem = "no answer yet";
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                stop();
                throw new LocalServerException("interrupted while waiting for " + name);
            }
            if (!process.isAlive()) {
                throw failure(name + " exited with code " + process.exitValue() + " before it was ready");
            }
            try {
                // A server that lost the race for its port exits at once; being alive after the check rules out
                // having talked to another process on the same port.
                if (check.isReady() && process.isAlive()) {
                    return;
                }
                lastProblem = "answered, but not as ready";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new LocalServerException("interrupted while waiting for " + name, e);
            } catch (Exception e) {
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (System.nanoTime() >= deadline) {
                stop();
                throw failure(name + " did not become ready within " + timeout.toMillis() + " ms (last check: "
                        + lastProblem + ")");
            }
            waitForExit(POLL_INTERVAL);
        }
    }

    /** Whether the process is running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The process id. */
    public long pid() {
        return process.pid();
    }

    /** The process handle, for checks on the process and its children. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** The file that holds the process' stdout and stderr. */
    public Path outputLog() {
        return outputLog;
    }

    /** The command line the process was started with. */
    public List<String> command() {
        return command;
    }

    /** Stops the process within {@link #STOP_GRACE}; see {@link #stop(Duration)}. */
    public void stop() {
        stop(STOP_GRACE);
    }

    /**
     * Sends SIGTERM, waits up to the grace period, then kills the process and its children forcibly. Children
     * still alive after the process exits are killed too, because a killed nginx master leaves its workers serving.
     * Calling it on a stopped process does nothing.
     */
    public void stop(Duration grace) {
        List<ProcessHandle> children = process.descendants().toList();
        if (process.isAlive()) {
            process.destroy();
            if (!waitForExit(grace)) {
                children = union(children, process.descendants().toList());
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                waitForExit(grace);
            }
        }
        List<ProcessHandle> survivors = children.stream().filter(ProcessHandle::isAlive).toList();
        survivors.forEach(ProcessHandle::destroyForcibly);
        // SIGKILL is delivered asynchronously: wait until each child has stopped running, so a caller that reuses
        // the port or folder right after stop() never races a dying worker.
        awaitStopped(survivors, KILL_WAIT);
    }

    private static void awaitStopped(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle process : processes) {
            while (!hasStopped(process) && System.nanoTime() < deadline) {
                try {
                    process.onExit().get(CHILD_POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    // Still listed: it may be a zombie that runs no code; hasStopped decides.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Whether the process runs no more code. A killed orphan stays a zombie until init reaps it, which can take
     * seconds (or forever in a container whose init does not reap), and a zombie counts as stopped.
     */
    static boolean hasStopped(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            // The state follows the command name, which is in parentheses and may itself hold spaces.
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            // Gone between the two checks, or no /proc to look at: nothing more can be learnt.
            return true;
        }
    }

    private static List<ProcessHandle> union(List<ProcessHandle> first, List<ProcessHandle> second) {
        Set<ProcessHandle> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return new ArrayList<>(all);
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private LocalServerException failure(String what) {
        StringBuilder message = new StringBuilder(what)
                .append(" (command: ").append(String.join(" ", command)).append(')');
        List<Path> logs = new ArrayList<>();
        logs.add(outputLog);
        logs.addAll(serverLogs);
        for (Path log : logs) {
            List<String> tail = tail(log);
            if (!tail.isEmpty()) {
                message.append("\nlast lines of ").append(log).append(':');
                tail.forEach(line -> message.append("\n  ").append(line));
            }
        }
        return new LocalServerException(message.toString());
    }

    static List<String> tail(Path log) {
        try {
            if (!Files.isRegularFile(log)) {
                return List.of();
            }
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank()).toList();
            return lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
        } catch (IOException e) {
            return List.of("(cannot read log: " + e.getMessage() + ")");
        }
    }

    @Override
    public String toString() {
        return "ManagedProcess[" + name + ", pid " + process.pid() + "]";
    }
}
