package io.clusterbench.spec;

import java.util.List;

/** The gpu probe: one nvidia-smi reading per host over SSH, metrics per host and GPU index. */
public final class GpuDescriptor implements ProbeDescriptor {

    /** Per-GPU metrics, after {@code HOST.gpuINDEX.}. */
    public static final List<String> GPU_METRICS = List.of("util_pct", "memory_used_mib", "memory_total_mib",
            "memory_used_pct", "temperature_c", "power_w");

    @Override
    public String word() {
        return "gpu";
    }

    @Override
    public boolean onHosts() {
        return true;
    }

    @Override
    public ParameterTable parameters() {
        return ParameterTable.NONE;
    }

    @Override
    public MetricNames metrics(ProbeSpec probe) {
        MetricNames.Builder names = MetricNames.builder();
        for (String host : probe.hosts()) {
            names.name(host + ".gpus");
            GPU_METRICS.forEach(metric -> names.pattern(host + ".gpu", "[0-9]+", "N", "." + metric));
        }
        return names.build();
    }
}
