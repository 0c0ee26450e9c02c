package io.clusterbench.tune;

import io.clusterbench.spec.ActionSpec;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.ssh.SshHosts;
import java.time.Clock;
import java.util.Objects;

/**
 * What an action may use: the spec, its own entry, secrets (read at use), the run's SSH connections and the clock.
 *
 * @param cluster the whole spec, to look up services and hosts
 * @param action this action's entry in the spec
 * @param secrets reads secret references at the moment of use
 * @param ssh the run's SSH connections, one per host
 * @param clock the clock for deadlines and timestamps
 */
public record ActionContext(ClusterSpec cluster, ActionSpec action, SecretResolver secrets, SshHosts ssh,
        Clock clock) {

    public ActionContext {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(ssh, "ssh");
        Objects.requireNonNull(clock, "clock");
    }
}
