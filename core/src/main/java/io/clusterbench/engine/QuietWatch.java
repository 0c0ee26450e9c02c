package io.clusterbench.engine;

import io.clusterbench.bench.QuietCheck;
import io.clusterbench.result.Disturbance;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.ProbeSpec;
import io.clusterbench.spec.QuietCheckPolicy;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.ssh.RunSshHosts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quiet-cluster check before each round of {@code run}, on one set of ssh connections for the whole run, and
 * what it found: each disturbance with the round it came before, and per probe why its conditions differed.
 */
final class QuietWatch implements AutoCloseable {
    private final LoadedSpec spec;
    private final SecretResolver secrets;
    private final RunSshHosts ssh;
    private final List<ProbeSpec> probes;
    private final List<Disturbance> found = new ArrayList<>();
    private final Map<String, String> disturbed = new LinkedHashMap<>();

    QuietWatch(LoadedSpec spec, SecretResolver secrets) {
        this.spec = spec;
        this.secrets = secrets;
        this.ssh = new RunSshHosts(spec.spec(), secrets);
        this.probes = List.copyOf(spec.spec().probes().values());
    }

    /** Checks the targets before round {@code index}; returns what it found, each message naming the round. */
    List<Disturbance> before(int index) {
        if (policy() == QuietCheckPolicy.OFF) {
            return List.of();
        }
        List<Disturbance> now = new ArrayList<>();
        for (Disturbance d : QuietCheck.check(spec.spec(), probes, secrets, ssh)) {
            Disturbance named = new Disturbance(d.probe(), d.target(), d.signal(), d.value(), d.limit(),
                    "before round " + index + ": " + d.message());
            now.add(named);
            found.add(named);
            disturbed.putIfAbsent(d.probe(), "the conditions differed: " + named.message()
                    + " (settings.quietCheck: inconclusive)");
        }
        return now;
    }

    /** Every disturbance found, in order. */
    List<Disturbance> found() {
        return List.copyOf(found);
    }

    /** Per probe id, why its comparison cannot be trusted; empty unless the policy makes it inconclusive. */
    Map<String, String> disturbed() {
        return policy() == QuietCheckPolicy.INCONCLUSIVE ? Map.copyOf(disturbed) : Map.of();
    }

    private QuietCheckPolicy policy() {
        return spec.spec().settings().quietCheck();
    }

    @Override
    public void close() {
        ssh.close();
    }
}
