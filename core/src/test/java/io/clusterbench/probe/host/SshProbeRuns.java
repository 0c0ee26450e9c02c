package io.clusterbench.probe.host;

import io.clusterbench.local.FreePorts;
import io.clusterbench.local.LocalSshd;
import io.clusterbench.probe.Probe;
import io.clusterbench.probe.ProbeContext;
import io.clusterbench.control.ProbeProgress;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.DefaultSecretResolver;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.ssh.SshConnections;
import io.clusterbench.ssh.SshTargets;
import io.clusterbench.testkit.DescribedMetrics;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs a host or gpu probe of a spec against a real sshd, the way a run does: one connection per host. */
final class SshProbeRuns {
    static final SecretResolver SECRETS = new DefaultSecretResolver(Map.of("WRONG_PASSWORD", "not-the-password")::get);

    private SshProbeRuns() {
    }

    /** A host entry on a loopback port where nothing listens. */
    static String unreachableHost(String id, LocalSshd sshd) throws Exception {
        return """
                  %s:
                    address: 127.0.0.1
                    port: %d
                    user: "%s"
                    keyFile: "%s"
                    knownHosts: "%s"
                    connectTimeout: 5s
                """.formatted(id, FreePorts.loopback(), sshd.user(), sshd.clientKey(), sshd.knownHostsFile());
    }

    /** Loads {@code cluster: local}, the hosts and the probes given, and runs probe {@code probeId}. */
    static ProbeMeasurement run(Probe probe, LocalSshd sshd, String hosts, String probes, String probeId,
            StopSignal stop) throws Exception {
        String yaml = "cluster: local\nhosts:\n" + hosts + "probes:\n" + probes;
        ClusterSpec spec = SpecLoader.load("cluster.yaml", yaml, sshd.workDir(), SECRETS).spec();
        try (SshConnections connections = SshTargets.connections(spec.hosts().values(), SECRETS)) {
            ProbeContext context = new ProbeContext(spec, spec.probes().get(probeId), SECRETS, connections::get,
                    new ProbeProgress(probeId), stop, Clock.systemUTC());
            return DescribedMetrics.checked(context.probe(), probe.run(context));
        }
    }

    static Optional<MetricValue> metric(ProbeMeasurement measurement, String name) {
        List<MetricValue> found = measurement.metrics().stream().filter(m -> m.name().equals(name)).toList();
        if (found.size() > 1) {
            throw new AssertionError("two metrics named " + name + " in " + measurement.metrics());
        }
        return found.stream().findFirst();
    }

    static double value(ProbeMeasurement measurement, String name) {
        return metric(measurement, name).orElseThrow(() -> new AssertionError("no metric " + name + " in "
                + measurement.metrics() + "; errors: " + measurement.errors())).value();
    }
}
