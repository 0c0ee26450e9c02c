package io.clusterbench.spec;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Checks that a metric name ({@code probe.metric}) names a probe of the spec and, for host and gpu probes, one of
 * that probe's hosts; shared by {@code objectives:} and {@code trend:} so that both refuse the same names with the
 * same words.
 */
final class MetricReferences {

    private final Binding binding;
    private final Collection<String> probeIds;
    private final Map<String, ProbeSpec> probes;

    MetricReferences(Binding binding, ProbeBinder.Probes probes) {
        this.binding = binding;
        this.probeIds = probes.ids();
        this.probes = probes.valid();
    }

    /** Whether {@code id} is one of the spec's probes, valid or not. */
    boolean isProbe(String id) {
        return probeIds.contains(id);
    }

    /** probe.rest, where rest starts with one of the probe's hosts for host and gpu probes; false after reporting. */
    boolean check(Node at, String path, String metric) {
        Optional<String> probeId = longestPrefix(metric, probeIds);
        String probeName = probeId.orElse(metric);
        if (probeIds.contains(probeName) && metric.length() <= probeName.length() + 1) {
            binding.error(at, path, "names probe '" + probeName + "' but none of its metrics: write "
                    + probeName + ".<metric>, such as " + probeName + ".p99_ms");
            return false;
        }
        if (probeId.isEmpty()) {
            int dot = metric.indexOf('.');
            String first = dot < 0 ? metric : metric.substring(0, dot);
            return Suggestions.checkReference(binding, at, path, "probe", "probes", first, probeIds);
        }
        String rest = metric.substring(probeName.length() + 1);
        ProbeSpec probe = probes.get(probeName);
        if (probe == null || !probe.kind().onHosts()) {
            return true; // a probe with errors of its own is reported there
        }
        Optional<String> host = longestPrefix(rest, probe.hosts());
        if (host.isPresent() && rest.length() > host.get().length() + 1) {
            return true;
        }
        int dot = rest.indexOf('.');
        String hostName = host.orElse(dot < 0 ? rest : rest.substring(0, dot));
        if (probe.hosts().contains(hostName)) {
            binding.error(at, path, "names host '" + hostName + "' of probe '" + probeName
                    + "' but none of its metrics: write " + probeName + "." + hostName + ".<metric>");
        } else {
            String hint = Suggestions.closest(hostName, probe.hosts()).map(c -> " (did you mean '" + c + "'?)")
                    .orElse(" (its hosts: " + String.join(", ", probe.hosts()) + ")");
            binding.error(at, path, "no host '" + hostName + "' in probe '" + probeName + "'" + hint);
        }
        return false;
    }

    /** The longest id in {@code ids} such that {@code text} starts with id + ".". */
    private static Optional<String> longestPrefix(String text, Collection<String> ids) {
        return ids.stream().filter(id -> text.startsWith(id + "."))
                .max((a, b) -> Integer.compare(a.length(), b.length()));
    }
}
