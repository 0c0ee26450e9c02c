package io.clusterbench.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The host probe: memory, swap, CPU, load and disk of hosts over SSH, each metric named after its host. */
public final class HostDescriptor implements ProbeDescriptor {

    public static final Parameter<Duration> CPU_INTERVAL = Parameter.length("cpuInterval")
            .byDefault(Duration.ofSeconds(1));
    public static final Parameter<List<String>> MOUNTS = Parameter.words("mounts", List.of()).byDefault(List.of("/"));

    /** Per-host metrics, after {@code HOST.}. */
    public static final List<String> HOST_METRICS = List.of("used_pct", "mem_total_bytes", "mem_available_bytes",
            "swap_used_pct", "cpu_used_pct", "cpu_iowait_pct", "load1", "load5", "load15", "cpus");
    /** Per-mount metrics, after {@code HOST.disk.SLUG.}. */
    public static final List<String> DISK_METRICS = List.of("used_pct", "size_bytes", "used_bytes",
            "available_bytes");

    private static final ParameterTable TABLE = ParameterTable.builder().add(CPU_INTERVAL, MOUNTS).build();

    @Override
    public String word() {
        return "host";
    }

    @Override
    public boolean onHosts() {
        return true;
    }

    @Override
    public ParameterTable parameters() {
        return TABLE;
    }

    @Override
    public MetricNames metrics(ProbeSpec probe) {
        MetricNames.Builder names = MetricNames.builder();
        List<String> slugs = slugs(MOUNTS.in(probe.parameters()));
        for (String host : probe.hosts()) {
            names.names(host + ".", HOST_METRICS);
            slugs.forEach(slug -> names.names(host + ".disk." + slug + ".", DISK_METRICS));
        }
        return names.build();
    }

    /**
     * The name of each mount in metric names, in order: {@code /} is {@code root}; otherwise the path without its
     * outer slashes, every run of characters other than letters, digits, {@code _} and {@code -} made one
     * {@code _}; a later mount with the same name gets {@code _2}, {@code _3}... Objectives address metrics by
     * name only, so several mounts must stay apart.
     */
    public static List<String> slugs(List<String> mounts) {
        Set<String> taken = new HashSet<>();
        List<String> slugs = new ArrayList<>();
        for (String mount : mounts) {
            String slug = slug(mount);
            for (int n = 2; !taken.add(slug); n++) {
                slug = slug(mount) + "_" + n;
            }
            slugs.add(slug);
        }
        return slugs;
    }

    private static String slug(String mount) {
        String trimmed = mount.replaceAll("^/+|/+$", "");
        if (trimmed.isEmpty()) {
            return "root";
        }
        String slug = trimmed.replaceAll("[^A-Za-z0-9_-]+", "_");
        return slug.isEmpty() || slug.equals("_") ? "path" : slug;
    }
}
