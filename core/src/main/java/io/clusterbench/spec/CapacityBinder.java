package io.clusterbench.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Checks what the parameter tables cannot: that a capacity search has an SLO and a first load, that its SLO names
 * metrics the probe writes, and that the search's other parameters are not given without it.
 */
final class CapacityBinder {

    private static final List<String> SEARCH_ONLY = List.of(CapacityParameters.SLO.name(),
            CapacityParameters.PRECISION.name(), CapacityParameters.BUDGET.name(), CapacityParameters.MAX.name());

    private final Binding binding;

    CapacityBinder(Binding binding) {
        this.binding = binding;
    }

    /** Reports every problem of {@code probe}'s capacity parameters, written in {@code m}. */
    void check(YamlMap m, ProbeSpec probe) {
        Optional<String> knob = CapacityParameters.knob(probe);
        if (knob.isEmpty()) {
            for (String name : SEARCH_ONLY) {
                if (m.has(name)) {
                    binding.error(m.keyNode(name), m.child(name), name + " belongs to a capacity search: add"
                            + " capacity: " + knobs(probe).get(0) + " (the knob to vary) or remove " + name);
                }
            }
            return;
        }
        Node at = m.get("capacity").orElseThrow();
        if (!probe.parameters().has(knob.get())) {
            binding.error(at, m.child("capacity"), "a capacity search over " + knob.get() + " starts at the "
                    + knob.get() + " this probe gives, and it gives none: add " + knob.get() + ": N, the first load"
                    + " to try");
        }
        for (String other : knobs(probe)) {
            if (!other.equals(knob.get()) && probe.kind() == ProbeKind.HTTP && probe.parameters().has(other)) {
                binding.error(m.keyNode(other), m.child(other), "the capacity search varies " + knob.get()
                        + ", so this probe cannot also fix " + other + ": remove it");
            }
        }
        if (!m.has(CapacityParameters.SLO.name())) {
            binding.error(at, m.child("capacity"), "a capacity search needs slo: the conditions a load must meet,"
                    + " such as slo: [\"p99_ms <= 50\", \"error_pct <= 0.1\"]");
            return;
        }
        if (probe.kind() == ProbeKind.OPENAI && OpenAiDescriptor.GOODPUT.optionalIn(probe.parameters())
                .orElse(Map.of()).isEmpty()) {
            // The search's capacity metrics are goodput, which has no meaning without the per-request limits.
            binding.error(at, m.child("capacity"), "an openai capacity search measures goodput as vllm bench serve"
                    + " --goodput does: add goodput: { ttft_ms: N, tpot_ms: M } (the limits each request must meet)"
                    + " and bound the share of good requests in slo, such as slo: [\"good_pct >= 90\"]");
            return;
        }
        checkSlo(m, probe);
        double start = probe.parameters().optionalDouble(knob.get()).orElse(1);
        CapacityParameters.MAX.optionalIn(probe.parameters()).filter(max -> max <= start)
                .ifPresent(max -> binding.error(m.get(CapacityParameters.MAX.name()).orElseThrow(),
                        m.child(CapacityParameters.MAX.name()), "must be above the first load, " + knob.get() + " "
                                + Range.format(start) + ", got " + Range.format(max)));
    }

    private void checkSlo(YamlMap m, ProbeSpec probe) {
        String name = CapacityParameters.SLO.name();
        List<Node> items = Values.list(m.get(name).orElseThrow(), m.child(name), binding).orElse(List.of());
        MetricNames metrics = probe.kind().descriptor().metrics(probe);
        List<String> written = probe.parameters().stringList(name);
        for (int i = 0; i < written.size() && i < items.size(); i++) {
            String path = m.child(name) + "[" + i + "]";
            Optional<SloCondition> condition = SloCondition.parse(written.get(i));
            if (condition.isEmpty()) {
                binding.error(items.get(i), path, "must be " + SloCondition.EXAMPLE + ", got '"
                        + Values.echo(written.get(i)) + "'");
            } else if (!metrics.accepts(condition.get().metric())
                    || condition.get().metric().startsWith("capacity_")) {
                String hint = metrics.closest(condition.get().metric()).map(c -> " (did you mean '" + c + "'?)")
                        .orElse(" (see docs/probes.md#" + probe.kind().word() + ")");
                binding.error(items.get(i), path, "no metric '" + Values.echo(condition.get().metric())
                        + "' that a step of probe '" + probe.id() + "' writes" + hint);
            }
        }
    }

    private static List<String> knobs(ProbeSpec probe) {
        ParameterType type = probe.kind().descriptor().parameters().parameter("capacity").orElseThrow().type();
        return ((ParameterType.Choice) type).words();
    }
}
