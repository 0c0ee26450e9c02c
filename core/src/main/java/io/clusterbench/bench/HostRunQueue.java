package io.clusterbench.bench;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.result.Numbers;
import io.clusterbench.spec.HostSpec;
import io.clusterbench.ssh.ExecResult;
import io.clusterbench.ssh.SshHosts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads a host's run queue over SSH and judges it (see {@link RunQueue} for why the run queue and load1 both). */
final class HostRunQueue {
    /**
     * Three loadavg readings 100 ms apart and the online CPUs, in one command so that it costs one round trip; a
     * fixed script passed as an argument list, with nothing from the spec in it. A {@code sleep} that takes only
     * whole seconds fails at once and leaves the readings closer together, which only narrows the window.
     */
    static final List<String> COMMAND = List.of("sh", "-c", "cat /proc/loadavg; sleep 0.1; cat /proc/loadavg;"
            + " sleep 0.1; cat /proc/loadavg; grep -c '^cpu[0-9]' /proc/stat");
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private HostRunQueue() {
    }

    /** The host as a target without credentials: {@code ops@sark}. */
    static String target(HostSpec host) {
        return host.user() + "@" + host.id();
    }

    /** The reading of a host; empty when it cannot be connected to or read. */
    static Optional<RunQueue> read(SshHosts ssh, String hostId) {
        try {
            ExecResult result = ssh.connection(hostId).exec(COMMAND, TIMEOUT);
            return result.succeeded() ? RunQueue.parse(result.stdout()) : Optional.empty();
        } catch (ClusterBenchException e) {
            return Optional.empty();
        }
    }

    /** The finding when the host is busy; empty when it is not, or cannot be read (then the probe reports it). */
    static Optional<QuietFinding> check(SshHosts ssh, HostSpec host) {
        return read(ssh, host.id()).filter(RunQueue::busy).map(queue -> finding(target(host), queue));
    }

    static QuietFinding finding(String target, RunQueue queue) {
        return new QuietFinding(target, "runnable", queue.medianRunnable(), queue.cpus(), target + " had "
                + queue.medianRunnable() + " tasks runnable on " + queue.cpus() + " CPUs just before the round"
                + " (median of " + queue.runnable().size() + " readings " + queue.runnable() + ", load1 "
                + Numbers.format(queue.load1()) + "; limit " + queue.cpus() + ")");
    }
}
