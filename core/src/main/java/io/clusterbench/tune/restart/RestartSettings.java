package io.clusterbench.tune.restart;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.spec.ActionSpec;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.Parameters;
import io.clusterbench.spec.ProbeSpec;
import io.clusterbench.spec.ServiceSpec;
import java.time.Duration;
import java.util.List;

/**
 * A restart action's parameters, read from the spec (which has checked their types and that exactly one of
 * container, unit and command is given).
 *
 * @param hostId the host the restart command runs on
 * @param what what is restarted, for messages: {@code container python-load-balancer}
 * @param command the restart command as an argument list
 * @param commandTimeout how long the restart command may run (the host's commandTimeout)
 * @param healthService the service whose health is waited for
 * @param deadline how long to wait for it to answer healthy once the command returned
 */
record RestartSettings(String hostId, String what, List<String> command, Duration commandTimeout,
        ServiceSpec healthService, Duration deadline) {
    static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

    static RestartSettings from(ClusterSpec cluster, ActionSpec action) throws ClusterBenchException {
        Parameters p = action.parameters();
        String hostId = p.optionalString("host").orElseThrow(
                () -> new IllegalStateException("a restart without host passed the spec checks"));
        String what;
        List<String> command;
        if (p.has("container")) {
            what = "container " + p.string("container", "");
            command = List.of("docker", "restart", p.string("container", ""));
        } else if (p.has("unit")) {
            what = "unit " + p.string("unit", "");
            // The unit pattern allows a leading '-'; after "--" such a name cannot be read as an option.
            command = List.of("systemctl", "restart", "--", p.string("unit", ""));
        } else {
            what = "service " + action.target();
            command = p.stringList("command");
        }
        return new RestartSettings(hostId, what, command, cluster.hosts().get(hostId).commandTimeout(),
                healthService(cluster, action), p.duration("deadline", DEFAULT_DEADLINE));
    }

    private static ServiceSpec healthService(ClusterSpec cluster, ActionSpec action) throws ClusterBenchException {
        String probeId = action.parameters().string("waitFor", "");
        if (probeId.isEmpty()) {
            return cluster.services().get(action.target());
        }
        ProbeSpec probe = cluster.probes().get(probeId);
        if (probe.service().isEmpty()) {
            throw new ClusterBenchException(ClusterBenchException.Kind.INVALID_SPEC, action.location() + " "
                    + action.id() + ": waitFor names probe '" + probeId + "', a " + probe.kind().word()
                    + " probe of hosts with no service to check: name a probe"
                    + " of a service, or leave waitFor out to wait for '" + action.target() + "'");
        }
        return cluster.services().get(probe.service().get());
    }

    /** {@code container python-load-balancer on ops@sark}: never a credential. */
    String target(ClusterSpec cluster) {
        return what + " on " + cluster.hosts().get(hostId).user() + "@" + hostId;
    }
}
