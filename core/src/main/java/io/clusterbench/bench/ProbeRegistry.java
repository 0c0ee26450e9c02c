package io.clusterbench.bench;

import io.clusterbench.probe.Probe;
import io.clusterbench.probe.chroma.ChromaProbe;
import io.clusterbench.probe.openai.OpenAiProbe;
import io.clusterbench.probe.host.GpuProbe;
import io.clusterbench.probe.http.HttpProbe;
import io.clusterbench.probe.host.HostProbe;
import io.clusterbench.probe.promql.PromqlProbe;
import io.clusterbench.probe.redis.RedisProbe;
import io.clusterbench.spec.ProbeKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where probe kinds are bound to their implementations; each kind's parameters and metric names are
 * its descriptor's ({@link ProbeKind#descriptor()}), in the spec layer below the probes. A new kind is one line here.
 */
public final class ProbeRegistry {
    private final Map<ProbeKind, Probe> probes;

    private ProbeRegistry(Map<ProbeKind, Probe> probes) {
        this.probes = Map.copyOf(probes);
    }

    /** Every probe kind Cluster Bench has. */
    public static ProbeRegistry standard() {
        Map<ProbeKind, Probe> probes = new EnumMap<>(ProbeKind.class);
        probes.put(ProbeKind.REDIS, new RedisProbe());
        probes.put(ProbeKind.HTTP, new HttpProbe());
        probes.put(ProbeKind.OPENAI, new OpenAiProbe());
        probes.put(ProbeKind.CHROMA, new ChromaProbe());
        probes.put(ProbeKind.PROMQL, new PromqlProbe());
        probes.put(ProbeKind.HOST, new HostProbe());
        probes.put(ProbeKind.GPU, new GpuProbe());
        return new ProbeRegistry(probes);
    }

    /** A registry of the given probes only, for tests. */
    public static ProbeRegistry of(Map<ProbeKind, Probe> probes) {
        return new ProbeRegistry(probes);
    }

    /** The probe for a kind, if registered. */
    public Optional<Probe> probe(ProbeKind kind) {
        return Optional.ofNullable(probes.get(kind));
    }
}
