package io.clusterbench.ssh;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.HostSpec;
import io.clusterbench.spec.SecretResolver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One SSH connection per host for a whole run, opened on first use; a host's secrets are read only when a probe
 * first needs that host, so a missing password of an unused host never stops a run.
 */
public final class RunSshHosts implements SshHosts, AutoCloseable {
    private final ClusterSpec cluster;
    private final SecretResolver secrets;
    private final SshClient client = new SshClient();
    private final Map<String, SshConnection> open = new LinkedHashMap<>();
    private final TreeSet<String> insecure = new TreeSet<>();

    /** Connections to the spec's hosts, none opened yet. */
    public RunSshHosts(ClusterSpec cluster, SecretResolver secrets) {
        this.cluster = cluster;
        this.secrets = secrets;
    }

    @Override
    public synchronized SshConnection connection(String hostId) throws ClusterBenchException {
        SshConnection connection = open.get(hostId);
        if (connection != null && connection.isConnected()) {
            return connection;
        }
        HostSpec host = cluster.hosts().get(hostId);
        if (host == null) {
            throw new IllegalArgumentException("no host '" + hostId + "' in the spec; validation should have said so");
        }
        if (connection != null) {
            connection.close();
        }
        connection = client.connect(SshTargets.from(host, secrets));
        open.put(hostId, connection);
        if (connection.insecure()) {
            insecure.add(hostId);
        }
        return connection;
    }

    /** Hosts reached without host key verification ({@code insecureAcceptAnyHostKey: true}). */
    public synchronized List<String> insecureHosts() {
        return List.copyOf(insecure);
    }

    @Override
    public synchronized void close() {
        open.values().forEach(SshConnection::close);
        open.clear();
    }
}
