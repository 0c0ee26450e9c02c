package io.clusterbench.score;

import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.Disturbance;
import io.clusterbench.result.EffectVerdict;
import io.clusterbench.result.MetricEffect;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.BaselineSettings;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.Comparison;
import io.clusterbench.spec.ObjectiveSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the tuned condition with the condition before tuning, round by round: the proof, or disproof, that
 * tuning helped.
 *
 * <p>Metrics compared: every objective's metric (in spec order), then each load probe's median and p99 latencies
 * ({@code p50_ms}, {@code p99_ms}, {@code ttft_p99_ms}, ...) and its throughput, each once and
 * only when both conditions measured it. The evidence is the metric's value in each round, never the requests of one
 * round: {@link RoundEffects} gives the change with its 95% interval, the noise floor and one verdict. The run
 * regressed when a metric watched by a key objective is {@code WORSE}.
 */
public final class RunComparisons {

    private RunComparisons() {
    }

    /**
     * Why a tuning's before and after runs must not be compared, or empty when they may: a comparison claims an
     * effect of the tuning, so it needs at least one change that was applied and stayed applied. A tuning that
     * failed, was rolled back, did not start or changed nothing gets no effect at all: any difference between its
     * runs is the machine's, not the tuning's.
     */
    public static Optional<String> whyNotComparable(List<ChangeOutcome> changes) {
        List<String> notApplied = changes.stream().filter(ChangeOutcome::failsTheTuning)
                .map(c -> c.action() + " " + c.status()).toList();
        if (!notApplied.isEmpty()) {
            return Optional.of("not applied: nothing to compare (" + String.join(", ", notApplied) + ")");
        }
        if (changes.stream().noneMatch(c -> c.status() == ChangeStatus.APPLIED)) {
            return Optional.of("not applied: nothing to compare (no action changed anything: "
                    + (changes.isEmpty() ? "the spec has no tuning" : changes.size() + " unchanged or checked only")
                    + ")");
        }
        return Optional.empty();
    }

    /**
     * The metrics whose rounds varied too much for the comparison to promise anything: inconclusive because their
     * smallest detectable change is above {@value RoundEffects#NOISE_LIMIT_PCT}%. Both the floor and the interval's
     * width stay the same when every tuned round moves by one amount, so this never depends on the change itself.
     */
    public static List<MetricEffect> tooNoisy(RunComparison comparison) {
        return comparison.metrics().stream().filter(m -> m.verdict() == EffectVerdict.INCONCLUSIVE
                && m.detectablePct() != null && m.detectablePct() > RoundEffects.NOISE_LIMIT_PCT).toList();
    }

    /**
     * The metrics with fewer rounds than the interval of their level needs (a probe with many compared metrics needs
     * more than 5 per condition for its simultaneous level: {@link RoundEffects}).
     */
    public static List<MetricEffect> tooFewRounds(RunComparison comparison) {
        return comparison.metrics().stream().filter(m -> m.verdict() == EffectVerdict.INCONCLUSIVE
                && m.reason().startsWith(RoundEffects.TOO_FEW_ROUNDS)).toList();
    }

    /**
     * About how many rounds per condition {@code effect} needs: for a metric too noisy, as many as bring its floor
     * under {@value RoundEffects#NOISE_LIMIT_PCT}% (the floor shrinks about as one over the square root of the
     * rounds); {@code perCondition} otherwise. (A metric with too few rounds for its level needs at most 6 per
     * condition for up to 20 compared metrics of one probe, which any extension reaches.)
     */
    public static int roundsNeeded(MetricEffect effect, int perCondition) {
        boolean tooNoisy = effect.verdict() == EffectVerdict.INCONCLUSIVE && effect.detectablePct() != null
                && effect.detectablePct() > RoundEffects.NOISE_LIMIT_PCT;
        return tooNoisy ? RoundEffects.roundsNeeded(effect.detectablePct(), perCondition) : perCondition;
    }

    /** A comparison that compares nothing, and says why. */
    public static RunComparison notComparable(RunResult before, String reason) {
        return new RunComparison(before.runId(), RunComparison.NONE, "", 0, reason, List.of(), List.of(), false, false,
                reason);
    }

    /**
     * How the rounds of a comparison were laid out.
     *
     * @param design {@link RunComparison#ALTERNATING} or {@link RunComparison#BEFORE_AFTER}
     * @param order the conditions in the order their rounds ran
     * @param roundsPerCondition the rounds each condition was to measure
     * @param note why this design, and what it cannot rule out
     * @param disturbed per probe id, why its conditions were not alike (other load seen before a round), if so
     * @param disturbances every disturbance the quiet-cluster check found, also those only recorded
     */
    public record Design(String design, String order, int roundsPerCondition, String note,
            Map<String, String> disturbed, List<Disturbance> disturbances) {
        public Design {
            disturbed = Map.copyOf(disturbed);
            disturbances = List.copyOf(disturbances);
        }
    }

    /**
     * The rounds of {@code after} (condition B) compared with those of {@code before} (condition A), one effect per
     * key metric, under the minimum effect of {@code settings}.
     */
    public static RunComparison compare(ClusterSpec spec, RunResult before, RunResult after,
            BaselineSettings settings, Design design) {
        Map<String, Optional<ObjectiveSpec>> metrics = new LinkedHashMap<>();
        for (ObjectiveSpec o : spec.objectives()) {
            // The first objective on a metric gives its direction; any key objective on it makes it key.
            Optional<ObjectiveSpec> seen = metrics.getOrDefault(o.metric(), Optional.empty());
            metrics.put(o.metric(), seen.isPresent() && !o.key() ? seen : Optional.of(o));
        }
        for (String headline : headlines(after)) {
            metrics.putIfAbsent(headline, Optional.empty());
        }
        List<MetricEffect> effects = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        ProbeIndex was = ProbeIndex.of(before);
        ProbeIndex is = ProbeIndex.of(after);
        Map<String, Integer> family = new LinkedHashMap<>();
        for (String metric : metrics.keySet()) {
            if (MetricLookup.value(was, metric).isPresent() && MetricLookup.value(is, metric).isPresent()) {
                family.merge(probeOf(is, metric), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Optional<ObjectiveSpec>> entry : metrics.entrySet()) {
            Optional<MetricEffect> e = effect(entry.getKey(), entry.getValue(), was, is, settings, design,
                    family.getOrDefault(probeOf(is, entry.getKey()), 1));
            e.ifPresentOrElse(effects::add, () -> {
                if (entry.getValue().isPresent()) {
                    missing.add(entry.getKey());
                }
            });
        }
        boolean regressed = effects.stream().anyMatch(m -> m.key() && m.worse());
        return new RunComparison(before.runId(), design.design(), design.order(), design.roundsPerCondition(),
                design.note(), effects, design.disturbances(), regressed, false,
                explanation(before, effects, missing, regressed));
    }

    /** The probe that measured {@code metric}, or "" for a metric of no probe. */
    private static String probeOf(ProbeIndex run, String metric) {
        return MetricLookup.find(run, metric).probe().map(ProbeMeasurement::probe).orElse("");
    }

    /**
     * The effect on one metric; {@code family} is how many metrics of its probe are compared, for the simultaneous
     * level ({@link RoundEffects}).
     */
    private static Optional<MetricEffect> effect(String metric, Optional<ObjectiveSpec> objective, ProbeIndex before,
            ProbeIndex after, BaselineSettings settings, Design design, int family) {
        Optional<MetricValue> was = MetricLookup.value(before, metric);
        Optional<MetricValue> is = MetricLookup.value(after, metric);
        if (was.isEmpty() || is.isEmpty()) {
            return Optional.empty();
        }
        MetricDirection direction = MetricDirection.of(metric, is.get().unit(),
                objective.map(o -> o.pass().op()).filter(op -> op != Comparison.EQUAL));
        return Optional.of(RoundEffects.effect(metric, is.get().unit(), objective.map(ObjectiveSpec::key)
                .orElse(false), direction, roundValues(before, metric, "A"), roundValues(after, metric, "B"),
                settings.minEffectPct(), family, Optional.ofNullable(design.disturbed().get(probeOf(after, metric)))));
    }

    /** The metric's value in every round of the run, whatever its condition. */
    static double[] allRoundValues(ProbeIndex run, String metric) {
        MetricLookup.Found found = MetricLookup.find(run, metric);
        if (found.probe().isEmpty() || found.value().isEmpty()) {
            return new double[0];
        }
        return found.probe().get().rounds().stream()
                .map(r -> r.metric(found.name()))
                .flatMap(Optional::stream)
                .mapToDouble(MetricValue::value)
                .toArray();
    }

    /** The metric's value in each round of {@code condition} that measured it. */
    static double[] roundValues(ProbeIndex run, String metric, String condition) {
        MetricLookup.Found found = MetricLookup.find(run, metric);
        if (found.probe().isEmpty()) {
            return new double[0];
        }
        return found.probe().get().rounds(condition).stream()
                .map(r -> r.metric(found.name()))
                .flatMap(Optional::stream)
                .mapToDouble(MetricValue::value)
                .toArray();
    }

    /** Throughput metrics compared for every load probe that has one. */
    private static final List<String> THROUGHPUT = List.of("ops_per_s", "requests_per_s", "request_throughput",
            "output_throughput");

    /**
     * The probes' median and p99 latency metrics that come from a kept histogram, and their throughput, in probe
     * order.
     */
    static List<String> headlines(RunResult run) {
        List<String> names = new ArrayList<>();
        for (ProbeMeasurement p : run.probes()) {
            if (p.status() == ProbeStatus.FAILED || p.status() == ProbeStatus.SKIPPED) {
                continue;
            }
            for (MetricValue m : p.metrics()) {
                // The overall median and p99, and the p99 of phases (ttft_p99_ms); not each command's p99
                // (get.p99_ms), which repeats the overall one: every metric compared is one more chance of a false
                // verdict. An objective on a command's p99 still has it compared.
                boolean p99 = m.name().equals("p99_ms") || m.name().endsWith("_p99_ms");
                boolean latency = p99 || m.name().equals("p50_ms");
                if (latency && MetricLookup.histogramName(m.name(), p.latencies()).isPresent()
                        || THROUGHPUT.contains(m.name())) {
                    names.add(p.probe() + "." + m.name());
                }
            }
        }
        return names;
    }

    private static String explanation(RunResult before, List<MetricEffect> effects, List<String> missing,
            boolean regressed) {
        Map<EffectVerdict, List<String>> by = new LinkedHashMap<>();
        for (EffectVerdict v : EffectVerdict.values()) {
            by.put(v, new ArrayList<>());
        }
        effects.forEach(e -> by.get(e.verdict()).add(e.metric()));
        StringBuilder s = new StringBuilder("against the rounds before tuning (run " + before.runId() + "): "
                + effects.size() + " metrics compared: ");
        List<String> parts = new ArrayList<>();
        by.forEach((verdict, names) -> {
            if (!names.isEmpty()) {
                parts.add(names.size() + " " + verdict.words() + (verdict == EffectVerdict.NO_DETECTABLE_CHANGE
                        ? "" : " (" + String.join(", ", names) + ")"));
            }
        });
        s.append(parts.isEmpty() ? "none" : String.join(", ", parts));
        if (!missing.isEmpty()) {
            s.append("; not measured in both conditions: ").append(Baseline.abbreviate(missing));
        }
        s.append(regressed ? "; a key objective's metric got worse: regressed"
                : "; no key objective's metric got worse");
        return s.toString();
    }
}
