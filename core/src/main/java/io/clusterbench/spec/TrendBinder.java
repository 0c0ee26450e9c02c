package io.clusterbench.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Binds the {@code trend:} section: 1 to {@value TrendSettings#MAX_METRICS} metrics, each {@code probe.metric}
 * naming a probe of the spec (checked as objectives' metrics are), each listed once.
 */
final class TrendBinder {

    static final List<String> KEYS = List.of("metrics");

    private final Binding binding;
    private final MetricReferences references;

    TrendBinder(Binding binding, ProbeBinder.Probes probes) {
        this.binding = binding;
        this.references = new MetricReferences(binding, probes);
    }

    TrendSettings bind(YamlMap m) {
        int errorsBefore = binding.errorCount();
        m.allow(KEYS);
        if (!m.require("metrics")) {
            return TrendSettings.NONE;
        }
        Node node = m.get("metrics").orElseThrow();
        String path = m.child("metrics");
        List<Node> items = Values.list(node, path, binding).orElse(null);
        if (items == null) {
            return TrendSettings.NONE;
        }
        if (items.isEmpty() || items.size() > TrendSettings.MAX_METRICS) {
            // Past six lines a chart stops telling anything; the list still gets checked item by item below.
            binding.error(node, path, "must list 1 to " + TrendSettings.MAX_METRICS + " metrics, got "
                    + (items.isEmpty() ? "none" : items.size() + ": keep the ones that matter most"));
        }
        List<String> metrics = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            Node item = items.get(i);
            Optional<String> metric = Values.text(item, itemPath, binding);
            if (metric.isEmpty()) {
                continue;
            }
            Integer first = firstIndex.putIfAbsent(metric.get(), i);
            if (first != null) {
                binding.error(item, itemPath, "'" + Values.echo(metric.get()) + "' is already listed at " + path
                        + "[" + first + "]; list each metric once");
            } else if (checkMetric(item, itemPath, metric.get())) {
                metrics.add(metric.get());
            }
        }
        if (binding.errorCount() != errorsBefore) {
            return TrendSettings.NONE; // the spec does not load; the value is never used
        }
        return new TrendSettings(metrics);
    }

    /** The form probe.metric first (unless it is a bare probe id, which gets the objectives' clearer message). */
    private boolean checkMetric(Node at, String path, String metric) {
        if (!references.isProbe(metric) && !isProbeDotMetric(metric)) {
            binding.error(at, path, "must be PROBE.METRIC, a probe id and one of its metrics such as"
                    + " cache-latency.p99_ms, got '" + Values.echo(metric) + "'");
            return false;
        }
        return references.check(at, path, metric);
    }

    /** The rule clusterbench trend applies to --metric: a dot, neither first nor last, and no spaces. */
    private static boolean isProbeDotMetric(String metric) {
        int dot = metric.indexOf('.');
        return dot > 0 && !metric.endsWith(".") && metric.chars().noneMatch(Character::isWhitespace);
    }
}
