package io.clusterbench.capacity;

import io.clusterbench.result.CapacityStep;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeRound;
import io.clusterbench.spec.SloCondition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges one step of a search: it passes when every one of its rounds meets every SLO condition. A round missing a
 * metric the SLO names fails that condition (nothing measured is no evidence of meeting it).
 *
 * <p>A step is a {@linkplain CapacityStep#GENERATOR_LIMIT generator limit} when the generator itself did not offer
 * the load: it offered less than {@link SearchSettings#ACHIEVED_FLOOR} of it, and either still met the SLO, or most
 * of its late requests started late although a connection was free ({@code generator_late}): the schedule itself
 * fell behind, which inflates the latencies measured from the intended send time with the generator's own delay.
 * It is one too when the load is beyond what the probe's connections can carry ({@link ClientBound}): its sends
 * queued behind busy connections while the server's service time still met the SLO.
 */
final class StepJudge {
    /** The step metrics kept in the curve, when the probe writes them. */
    private static final List<String> KEPT = List.of("p50_ms", "p99_ms", "error_pct", "errors", "requests_per_s",
            "sent_per_s", "ops_per_s", "requests", "ops", "generator_late", "late_requests", "late_ops",
            "output_throughput", "request_throughput", "goodput", "good_pct", "goodput_tokens_per_s", "ttft_p99_ms",
            "tpot_p99_ms");
    /** The share of late sends that had a connection free, above which the generator is the one behind. */
    private static final double GENERATOR_LATE_SHARE = 0.5;

    private final SearchSettings settings;

    StepJudge(SearchSettings settings) {
        this.settings = settings;
    }

    CapacityStep judge(int index, double load, ProbeMeasurement step) {
        List<List<MetricValue>> rounds = step.rounds().isEmpty() ? List.of(step.metrics())
                : step.rounds().stream().map(ProbeRound::metrics).toList();
        Set<String> failed = new LinkedHashSet<>();
        int passedRounds = 0;
        for (List<MetricValue> round : rounds) {
            List<String> missed = missed(round);
            failed.addAll(missed);
            passedRounds += missed.isEmpty() ? 1 : 0;
        }
        Map<String, Double> kept = new LinkedHashMap<>();
        for (String name : sortedKept()) {
            value(step.metrics(), name).ifPresent(v -> kept.put(name, v));
        }
        boolean sloMet = passedRounds == rounds.size();
        boolean clientLimit = ClientBound.limiting(load, kept, settings.slo()).isPresent();
        String verdict = clientLimit || generatorShort(load, step.metrics(), sloMet) ? CapacityStep.GENERATOR_LIMIT
                : sloMet ? CapacityStep.PASS : CapacityStep.FAIL;
        return new CapacityStep(index, load, verdict, passedRounds, rounds.size(), kept, new ArrayList<>(failed));
    }

    private List<String> sortedKept() {
        List<String> names = new ArrayList<>(KEPT);
        List<String> more = new ArrayList<>();
        settings.slo().forEach(c -> more.add(c.metric()));
        // What the client-limit rule read, so that the curve shows the numbers behind its verdict.
        more.addAll(ClientBound.metricsFor(settings.slo()));
        more.forEach(name -> {
            if (!names.contains(name)) {
                names.add(name);
            }
        });
        return names;
    }

    /** The conditions {@code round} misses, each with the value that missed. */
    private List<String> missed(List<MetricValue> round) {
        List<String> missed = new ArrayList<>();
        for (SloCondition condition : settings.slo()) {
            Optional<Double> value = value(round, condition.metric());
            if (value.isEmpty()) {
                missed.add(condition.text() + " (not measured)");
            } else if (!condition.holds(value.get())) {
                missed.add(condition.text() + " (was " + Numbers.estimate(value.get()) + ")");
            }
        }
        return missed;
    }

    private boolean generatorShort(double load, List<MetricValue> merged, boolean sloMet) {
        if (settings.achieved().isEmpty()) {
            return false;
        }
        Optional<Double> achieved = value(merged, settings.achieved().get());
        if (achieved.isEmpty() || achieved.get() >= SearchSettings.ACHIEVED_FLOOR * load) {
            return false;
        }
        // Short of the load: the generator's fault when the server still met the SLO, or when most late sends had a
        // connection free (the schedule itself fell behind, not a queue at a busy server).
        Optional<Double> generatorLate = value(merged, "generator_late");
        Optional<Double> late = value(merged, "late_requests").or(() -> value(merged, "late_ops"));
        boolean scheduleBehind = generatorLate.isPresent() && late.isPresent() && late.get() > 0
                && generatorLate.get() > GENERATOR_LATE_SHARE * late.get();
        return sloMet || scheduleBehind;
    }

    static Optional<Double> value(List<MetricValue> metrics, String name) {
        return metrics.stream().filter(m -> m.name().equals(name) && m.labels().isEmpty())
                .map(MetricValue::value).findFirst();
    }
}
