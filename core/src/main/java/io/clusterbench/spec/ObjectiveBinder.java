package io.clusterbench.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Binds the {@code objectives:} list: each metric must start with a probe id (and, for host and gpu probes, one
 * of that probe's hosts), and each warning criterion must be looser than its pass criterion.
 */
final class ObjectiveBinder {

    static final List<String> KEYS = List.of("metric", "pass", "warning", "weight", "key", "nodata");
    static final List<String> NO_DATA = List.of("fail", "ignore", "inconclusive");

    private final Binding binding;
    private final Collection<String> probeIds;
    private final Map<String, ProbeSpec> probes;

    ObjectiveBinder(Binding binding, ProbeBinder.Probes probes) {
        this.binding = binding;
        this.probeIds = probes.ids();
        this.probes = probes.valid();
    }

    List<ObjectiveSpec> bind(Optional<List<Node>> section, String path) {
        List<ObjectiveSpec> objectives = new ArrayList<>();
        List<Node> items = section.orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            int errorsBefore = binding.errorCount();
            Optional<ObjectiveSpec> objective = YamlMap.of(items.get(i), path + "[" + i + "]", binding)
                    .flatMap(this::objective);
            if (binding.errorCount() == errorsBefore) {
                objective.ifPresent(objectives::add);
            }
        }
        return objectives;
    }

    private Optional<ObjectiveSpec> objective(YamlMap m) {
        int errorsBefore = binding.errorCount();
        m.allow(KEYS);
        Optional<String> metric = m.requireText("metric")
                .filter(name -> checkMetric(m.get("metric").orElseThrow(), m.child("metric"), name));
        Optional<Criterion> pass = m.require("pass")
                ? CriterionParser.parse(m.get("pass").orElseThrow(), m.child("pass"), binding) : Optional.empty();
        Optional<Criterion> warning = m.get("warning")
                .flatMap(node -> CriterionParser.parse(node, m.child("warning"), binding));
        if (pass.isPresent() && warning.isPresent()) {
            CriterionParser.checkLooser(pass.get(), warning.get(), m.get("warning").orElseThrow(),
                    m.child("warning"), binding);
        }
        double weight = m.number("weight", Range.above(0)).orElse(1.0);
        boolean key = m.flag("key").orElse(false);
        NoDataPolicy noData = m.choice("nodata", NO_DATA)
                .map(word -> NoDataPolicy.valueOf(word.toUpperCase(Locale.ROOT))).orElse(NoDataPolicy.FAIL);
        if (binding.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new ObjectiveSpec(metric.orElseThrow(), pass.orElseThrow(), warning, weight, key, noData,
                binding.locate(m.node())));
    }

    /** probe.rest, where rest starts with one of the probe's hosts for host and gpu probes. */
    private boolean checkMetric(Node at, String path, String metric) {
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
