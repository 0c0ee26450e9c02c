package io.clusterbench.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The workload of a probe as one hash: its kind, its target (service or hosts, as the spec names them) and every
 * parameter but {@code rounds} (which repeats the load, not changes it). Two measurements are compared only when
 * their probes' workloads are equal: a change of clients, rate, commands or target is a different experiment.
 */
public final class Workloads {

    private Workloads() {
    }

    /** The SHA-256, in hex, of the probe's workload in this spec. */
    public static String of(ClusterSpec spec, ProbeSpec probe) {
        Map<String, Object> parameters = new TreeMap<>(probe.parameters().asMap());
        parameters.remove(LoadParameters.ROUNDS.name());
        StringBuilder canonical = new StringBuilder(probe.kind().word()).append('\n');
        probe.service().ifPresent(id -> canonical.append("service ").append(id).append(' ')
                .append(spec.services().get(id)).append('\n'));
        for (String host : probe.hosts()) {
            canonical.append("host ").append(host).append(' ').append(spec.hosts().get(host)).append('\n');
        }
        parameters.forEach((name, value) -> canonical.append(name).append('=').append(value).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
