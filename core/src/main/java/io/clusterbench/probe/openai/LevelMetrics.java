package io.clusterbench.probe.openai;

import io.clusterbench.result.MetricValue;
import io.clusterbench.spec.OpenAiDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The metrics of each level of a profile, {@code stepN.}name: the level's rate and length, and the serving metrics
 * of its requests as vLLM defines them, over the level's own duration (from its start to the end of its last
 * request, as vLLM's {@code dur_s} for a run).
 */
final class LevelMetrics {

    private LevelMetrics() {
    }

    static List<MetricValue> of(ArrivalPlan plan, RequestLoad.Result result, int plannedPromptTokens,
            Map<String, Double> goodput) {
        List<String> kept = new ArrayList<>(OpenAiDescriptor.STEP_METRICS);
        kept.addAll(OpenAiDescriptor.STEP_GOODPUT_METRICS);
        List<MetricValue> metrics = new ArrayList<>();
        List<RequestOutcome> outcomes = result.outcomes();
        for (int i = 0; i < plan.levels().size(); i++) {
            ArrivalPlan.Level level = plan.levels().get(i);
            // Outcomes are in order of sending; a stopped run sent fewer.
            int from = Math.min(level.first(), outcomes.size());
            int to = Math.min(level.first() + level.count(), outcomes.size());
            if (from == to) {
                continue;
            }
            List<RequestOutcome> its = outcomes.subList(from, to);
            long start = result.startNanos() + (long) (level.startSeconds() * 1e9);
            long end = its.stream().mapToLong(o -> o.startNanos() + o.latencyNanos()).max().orElse(start);
            long duration = Math.max(1, end - start);
            String prefix = "step" + (i + 1) + ".";
            metrics.add(MetricValue.of(prefix + "requestRate", level.rate(), "req/s"));
            metrics.add(MetricValue.of(prefix + "s", duration / 1e9, "s"));
            for (MetricValue m : ServingMetrics.of(its, duration, plannedPromptTokens, List.of(), goodput)
                    .metrics()) {
                if (kept.contains(m.name())) {
                    metrics.add(MetricValue.of(prefix + m.name(), m.value(), m.unit()));
                }
            }
        }
        return metrics;
    }
}
