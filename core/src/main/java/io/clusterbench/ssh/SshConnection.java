package io.clusterbench.ssh;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.ssh.SshException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.IOUtils;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;

/**
 * One authenticated SSH connection to a host, on which commands run one session each; it stays usable after a
 * command fails or times out.
 */
public final class SshConnection implements AutoCloseable {

    /** How much of each of stdout and stderr a command keeps (1 MiB); the rest is read and dropped. */
    public static final int OUTPUT_CAP_BYTES = 1024 * 1024;

    private final SshTarget target;
    private final SSHClient ssh;
    private final String hostKey;
    private final ExecutorService drains;

    SshConnection(SshTarget target, SSHClient ssh, String hostKey) {
        this.target = target;
        this.ssh = ssh;
        this.hostKey = hostKey;
        this.drains = Executors.newCachedThreadPool(drainThreads(target.hostId()));
    }

    public SshTarget target() {
        return target;
    }

    /** The type and SHA-256 fingerprint of the host key the server presented, for the run's record. */
    public String hostKey() {
        return hostKey;
    }

    /** Whether the host key was accepted without verification; see {@link SshTarget#insecure()}. */
    public boolean insecure() {
        return target.insecure();
    }

    /** Whether the connection is still open and authenticated. */
    public boolean isConnected() {
        return ssh.isConnected() && ssh.isAuthenticated();
    }

    /** Runs a command with the target's default command timeout; see {@link #exec(List, Duration)}. */
    public ExecResult exec(List<String> argv) throws ClusterBenchException {
        return exec(argv, target.commandTimeout());
    }

    /**
     * Runs a command given as an argument list; every argument reaches the remote program literally, whatever
     * characters it holds, because each one is quoted for the remote shell (see {@link ShellQuoting}).
     *
     * <p>A non-zero exit code is a result, not an error. A command still running at the timeout is killed with
     * its whole process group (see {@link RemoteCommandLine}) and its session closed; the connection stays usable.
     * The remote login shell must be a POSIX shell, as it is for every account that can run commands over SSH.
     *
     * @throws ClusterBenchException an {@link SshException} of kind {@link Kind#REMOTE} when the command times out
     *     or the server refuses to run it, {@link Kind#CONNECTION} when the connection is lost,
     *     {@link Kind#INVALID_SPEC} when an argument cannot be passed at all
     */
    public ExecResult exec(List<String> argv, Duration timeout) throws ClusterBenchException {
        Objects.requireNonNull(argv, "argv");
        Objects.requireNonNull(timeout, "timeout");
        checkArguments(argv);
        String name = argv.get(0);
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Session session = openSession(name);
        try {
            Session.Command command = session.exec(RemoteCommandLine.reportingPid(argv));
            // No command gets input; an open stdin would leave a program that reads it waiting until the timeout.
            command.getOutputStream().close();
            var stdoutWithoutPid = new RemoteCommandLine.StdoutWithoutPid(command.getInputStream());
            CappedOutput stdout = drain(stdoutWithoutPid);
            CappedOutput stderr = drain(command.getErrorStream());
            boolean finished;
            try {
                finished = stdout.awaitEnd(deadline) && stderr.awaitEnd(deadline) && awaitClose(command, deadline);
            } catch (InterruptedException e) {
                kill(command, stdoutWithoutPid.pid());
                Thread.currentThread().interrupt();
                throw new SshException(Reason.COMMAND_INTERRUPTED, target.describe() + ": interrupted while running '"
                        + name + "'; it was sent KILL", e);
            }
            if (!finished) {
                kill(command, stdoutWithoutPid.pid());
                throw new SshException(Reason.COMMAND_TIMEOUT, target.describe() + ": command '" + name
                        + "' did not finish within " + Durations.describe(timeout) + "; it was sent KILL and its"
                        + " session closed: raise the timeout or find out why it hangs");
            }
            Duration duration = Duration.ofNanos(System.nanoTime() - start);
            return result(name, command, stdout, stderr, duration);
        } catch (IOException e) {
            throw lost(name, e);
        } finally {
            IOUtils.closeQuietly(session);
        }
    }

    /** Disconnects; commands running on the connection end with it. */
    @Override
    public void close() {
        drains.shutdownNow();
        IOUtils.closeQuietly(ssh);
    }

    private void checkArguments(List<String> argv) throws ClusterBenchException {
        try {
            ShellQuoting.commandLine(argv);
        } catch (IllegalArgumentException e) {
            throw new SshException(Reason.INVALID_COMMAND, target.describe() + ": cannot run command "
                    + (argv.isEmpty() ? "[]" : "'" + argv.get(0) + "'") + ": " + e.getMessage()
                    + ": fix the command in the spec");
        }
    }

    private Session openSession(String name) throws ClusterBenchException {
        try {
            return ssh.startSession();
        } catch (IOException | IllegalStateException e) {
            throw lost(name, e);
        }
    }

    private CappedOutput drain(InputStream stream) {
        CappedOutput output = new CappedOutput(stream, OUTPUT_CAP_BYTES);
        drains.execute(output);
        return output;
    }

    /** Waits for the server to close the channel, which it does after sending the exit status. */
    private static boolean awaitClose(Session.Command command, long deadlineNanos) throws ConnectionException {
        try {
            command.join(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (ConnectionException e) {
            if (e.getCause() instanceof TimeoutException) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Kills the remote process and closes its channel, leaving the connection itself open.
     *
     * <p>The SSH signal request needs no reply and servers may ignore it (OpenSSH does for root logins), so the
     * process group is also killed from a second session. Only then is the channel closed: OpenSSH answers the
     * close only once the process has ended.
     */
    private void kill(Session.Command command, OptionalLong pid) {
        try {
            command.signal(Signal.KILL);
        } catch (IOException ignored) {
            // The group kill and the close below still end the command.
        }
        if (pid.isPresent()) {
            killProcessGroup(pid.getAsLong());
        }
        IOUtils.closeQuietly(command);
    }

    private void killProcessGroup(long pid) {
        try (Session session = ssh.startSession()) {
            Session.Command killer = session.exec(ShellQuoting.commandLine(RemoteCommandLine.killGroup(pid)));
            killer.join(target.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | RuntimeException ignored) {
            // Best effort: if even this fails, the connection is probably gone and the next exec says so.
        }
    }

    private ExecResult result(String name, Session.Command command, CappedOutput stdout, CappedOutput stderr,
            Duration duration) throws ClusterBenchException {
        for (CappedOutput output : List.of(stdout, stderr)) {
            if (output.failure() != null) {
                throw lost(name, output.failure());
            }
        }
        Integer status = command.getExitStatus();
        Signal signal = command.getExitSignal();
        if (status == null && signal == null) {
            throw new SshException(Reason.NO_EXIT_STATUS, target.describe() + ": command '" + name + "' ended"
                    + " without an exit status: check the server's log; the remote shell or sshd may have crashed");
        }
        return new ExecResult(
                status != null ? status : ExecResult.NO_EXIT_CODE,
                stdout.text(), stdout.truncated(),
                stderr.text(), stderr.truncated(),
                duration,
                Optional.ofNullable(signal).map(Signal::toString));
    }

    private SshException lost(String name, Exception e) {
        if (e instanceof ConnectionException && isConnected()) {
            // The connection is fine but the server refused this channel or request (for example MaxSessions).
            return new SshException(Reason.COMMAND_REFUSED, target.describe() + ": the server refused to run '" + name
                    + "' (" + e.getMessage() + "): check sshd's MaxSessions and the server's log", e);
        }
        return new SshException(Reason.CONNECTION_LOST, target.describe() + ": connection lost while running '"
                + name + "' (" + e.getMessage() + "): check that the host is up and reachable", e);
    }

    private static ThreadFactory drainThreads(String hostId) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "ssh-output-" + hostId + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
