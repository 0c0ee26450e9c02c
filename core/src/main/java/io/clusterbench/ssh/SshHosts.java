package io.clusterbench.ssh;

import io.clusterbench.ClusterBenchException;

/** The run's SSH connections: one per host, opened on first use and reused by every probe of the run. */
@FunctionalInterface
public interface SshHosts {

    /**
     * The connection to a host of the spec; fails with a clear message when the host cannot be reached, refuses
     * authentication or its host key does not verify.
     */
    SshConnection connection(String hostId) throws ClusterBenchException;
}
