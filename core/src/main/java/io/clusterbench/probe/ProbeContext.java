package io.clusterbench.probe;

import io.clusterbench.control.ProbeProgress;
import io.clusterbench.control.StopSignal;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.ssh.SshHosts;
import io.clusterbench.spec.ProbeSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.ServiceSpec;
import java.time.Clock;
import java.util.Objects;

/**
 * What a probe may use while it runs: the spec, its own probe entry, secrets (read at use), the run's SSH
 * connections, its progress counters, the run's stop signal and the clock.
 *
 * @param cluster the whole spec, to look up services and hosts
 * @param probe this probe's entry in the spec
 * @param secrets reads secret references at the moment of use
 * @param ssh the run's SSH connections
 * @param progress this probe's live counters
 * @param stop raised when the run must stop
 * @param clock the clock for timestamps (latencies use {@link System#nanoTime()})
 */
public record ProbeContext(
        ClusterSpec cluster,
        ProbeSpec probe,
        SecretResolver secrets,
        SshHosts ssh,
        ProbeProgress progress,
        StopSignal stop,
        Clock clock) {

    public ProbeContext {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(ssh, "ssh");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(clock, "clock");
    }

    /** The service this probe measures; validation guarantees it exists for service-bound probe kinds. */
    public ServiceSpec service() {
        String id = probe.service().orElseThrow(
                () -> new IllegalStateException("probe " + probe.id() + " has no service"));
        return cluster.services().get(id);
    }

    /** Starts this probe's measurement; the start time is now. */
    public MeasurementBuilder measure(String target) {
        return new MeasurementBuilder(this, target);
    }
}
