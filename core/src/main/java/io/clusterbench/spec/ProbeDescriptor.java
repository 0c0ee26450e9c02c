package io.clusterbench.spec;

/**
 * What the spec knows of one kind of probe: its word, its parameters (types, limits, defaults, units) and the
 * metric names it produces. Validation and the probe read the same descriptor, so {@code validate} refuses exactly
 * what a run would refuse; the probe itself is bound to its kind in {@code bench.ProbeRegistry}, since the spec
 * sits below the probes.
 */
public interface ProbeDescriptor {

    /** The word written in a probe's {@code type:}. */
    String word();

    /** Whether this kind measures hosts over SSH (and so names hosts, not a service). */
    default boolean onHosts() {
        return false;
    }

    /** The parameters this kind takes. */
    ParameterTable parameters();

    /**
     * The names of the metrics {@code probe} (a probe of this kind, with its parameters and hosts) can produce;
     * metrics of host and gpu probes start with the host id.
     */
    MetricNames metrics(ProbeSpec probe);
}
