package io.clusterbench.ssh;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.ssh.SshException.Reason;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The connections of one run, one per host: opened on first use, reused by every later command on that host, and
 * closed together at the end of the run.
 */
public final class SshConnections implements AutoCloseable {
    private final SshClient client;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private volatile boolean closed;

    /** A pool over the given hosts; no connection is opened until {@link #get(String)} asks for one. */
    public SshConnections(Collection<SshTarget> targets) {
        this(new SshClient(), targets);
    }

    public SshConnections(SshClient client, Collection<SshTarget> targets) {
        this.client = Objects.requireNonNull(client, "client");
        for (SshTarget target : targets) {
            if (slots.putIfAbsent(target.hostId(), new Slot(target)) != null) {
                throw new IllegalArgumentException("two ssh targets are named " + target.hostId());
            }
        }
    }

    /** The host ids this pool can connect to. */
    public Set<String> hostIds() {
        return Set.copyOf(slots.keySet());
    }

    /**
     * The open connection to a host, connecting on first use and again if an earlier connection was lost.
     *
     * @throws ClusterBenchException an {@link SshException} of kind {@link Kind#INVALID_SPEC} for an unknown host
     *     id, or whatever {@link SshClient#connect(SshTarget)} throws
     */
    public SshConnection get(String hostId) throws ClusterBenchException {
        Slot slot = slots.get(hostId);
        if (slot == null) {
            throw new SshException(Reason.UNKNOWN_HOST_ID, "no ssh host named '" + hostId + "'; the spec"
                    + " defines " + new TreeSet<>(slots.keySet()) + ": add it under hosts or fix the name");
        }
        return slot.connection();
    }

    /** Closes every connection opened so far; later calls to {@link #get(String)} fail. */
    @Override
    public void close() {
        closed = true;
        for (Slot slot : slots.values()) {
            slot.close();
        }
    }

    /** One host's connection; its lock makes concurrent first uses of one host open a single connection. */
    private final class Slot {
        private final SshTarget target;
        private SshConnection connection;

        Slot(SshTarget target) {
            this.target = target;
        }

        synchronized SshConnection connection() throws ClusterBenchException {
            if (closed) {
                throw new IllegalStateException("the ssh connections of this run are already closed");
            }
            if (connection == null || !connection.isConnected()) {
                if (connection != null) {
                    connection.close();
                }
                connection = client.connect(target);
            }
            return connection;
        }

        synchronized void close() {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }
    }
}
