package io.clusterbench.spec;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Checks that a metric name ({@code probe.metric}) names a probe of the spec, for host and gpu probes one of that
 * probe's hosts, and then a metric that probe's descriptor says it produces; shared by {@code objectives:} and
 * {@code trend:} so that both refuse the same names with the same words.
 */
final class MetricReferences {

    /** Up to this many metric names are listed in a message; a probe with more points to docs/probes.md. */
    private static final int LISTED = 12;

    private final Binding binding;
    private final Collection<String> probeIds;
    private final Map<String, ProbeSpec> probes;

    MetricReferences(Binding binding, ProbeBinder.Probes probes) {
        this.binding = binding;
        this.probeIds = probes.ids();
        this.probes = probes.valid();
    }

    /** The metric's name within its probe: {@code api.error_pct} gives {@code error_pct}; for a checked name. */
    String leafName(String metric) {
        return longestPrefix(metric, probeIds).map(id -> metric.substring(id.length() + 1)).orElse(metric);
    }

    /** Whether {@code id} is one of the spec's probes, valid or not. */
    boolean isProbe(String id) {
        return probeIds.contains(id);
    }

    /** probe.rest, where rest is a metric the probe produces; false after reporting. */
    boolean check(Node at, String path, String metric) {
        Optional<String> probeId = longestPrefix(metric, probeIds);
        String probeName = probeId.orElse(metric);
        if (probeIds.contains(probeName) && metric.length() <= probeName.length() + 1) {
            binding.error(at, path, "names probe '" + probeName + "' but none of its metrics: write "
                    + probeName + ".<metric>, such as " + probeName + "." + example(probes.get(probeName)));
            return false;
        }
        if (probeId.isEmpty()) {
            int dot = metric.indexOf('.');
            String first = dot < 0 ? metric : metric.substring(0, dot);
            return Suggestions.checkReference(binding, at, path, "probe", "probes", first, probeIds);
        }
        String rest = metric.substring(probeName.length() + 1);
        ProbeSpec probe = probes.get(probeName);
        if (probe == null) {
            return true; // a probe with errors of its own is reported there
        }
        return (!probe.kind().onHosts() || checkHost(at, path, probe, rest)) && checkMetric(at, path, probe, rest);
    }

    /** rest starts with one of the probe's hosts and goes on; false after reporting. */
    private boolean checkHost(Node at, String path, ProbeSpec probe, String rest) {
        Optional<String> host = longestPrefix(rest, probe.hosts());
        if (host.isPresent() && rest.length() > host.get().length() + 1) {
            return true;
        }
        int dot = rest.indexOf('.');
        String hostName = host.orElse(dot < 0 ? rest : rest.substring(0, dot));
        if (probe.hosts().contains(hostName)) {
            binding.error(at, path, "names host '" + hostName + "' of probe '" + probe.id()
                    + "' but none of its metrics: write " + probe.id() + "." + hostName + ".<metric>");
        } else {
            String hint = Suggestions.closest(hostName, probe.hosts()).map(c -> " (did you mean '" + c + "'?)")
                    .orElse(" (its hosts: " + String.join(", ", probe.hosts()) + ")");
            binding.error(at, path, "no host '" + hostName + "' in probe '" + probe.id() + "'" + hint);
        }
        return false;
    }

    private boolean checkMetric(Node at, String path, ProbeSpec probe, String name) {
        MetricNames names = probe.kind().descriptor().metrics(probe);
        if (names.accepts(name)) {
            return true;
        }
        List<String> shown = names.shown();
        String kind = probe.kind().word();
        String hint = names.closest(name).map(c -> " (did you mean '" + c + "'?)")
                .orElse(shown.size() <= LISTED ? " (its metrics: " + String.join(", ", shown) + ")"
                        : " (" + ServiceBinder.article(kind) + " " + kind + " probe's metrics are listed in"
                                + " docs/probes.md#" + kind + ")");
        binding.error(at, path, "no metric '" + Values.echo(name) + "' in probe '" + probe.id() + "'" + hint);
        return false;
    }

    /** A metric of the probe to show in a message; p99_ms for a probe that is not known to be valid. */
    private static String example(ProbeSpec probe) {
        if (probe == null) {
            return "p99_ms";
        }
        MetricNames names = probe.kind().descriptor().metrics(probe);
        return names.accepts("p99_ms") ? "p99_ms" : names.shown().get(0);
    }

    /**
     * The longest id in {@code ids} such that {@code text} starts with id + ".": one lookup per dot of
     * {@code text}, from the right, rather than one comparison per id (a spec of 1,000 probes and 1,000 objectives
     * made a million).
     */
    private static Optional<String> longestPrefix(String text, Collection<String> ids) {
        for (int dot = text.lastIndexOf('.'); dot >= 0; dot = text.lastIndexOf('.', dot - 1)) {
            String candidate = text.substring(0, dot);
            if (ids.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
