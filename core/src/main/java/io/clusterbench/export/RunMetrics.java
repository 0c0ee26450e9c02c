package io.clusterbench.export;

import io.clusterbench.result.EffectVerdict;
import io.clusterbench.result.GateOutcome;
import io.clusterbench.result.GateStatus;
import io.clusterbench.result.MetricEffect;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.RunSummary;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.result.Verdict;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A run's result as Prometheus metric families: when it ran, its score, verdict and gate, each probe's status and
 * headline metrics, each objective's state and each effect of the tuning. Every sample carries {@code cluster} and
 * {@code run_id}; the names and labels are a contract, documented in docs/results.md ("Prometheus export"), and a
 * test holds them to that page.
 *
 * <p>Usage: {@code String text = TextFormats.write(RunMetrics.of(result), ExportFormat.OPENMETRICS);}
 */
public final class RunMetrics {
    /** When the run ended, in seconds since the epoch; a run's series have no timestamps of their own. */
    public static final String RUN_TIMESTAMP = "clusterbench_run_timestamp_seconds";
    /** How long the run took. */
    public static final String RUN_DURATION = "clusterbench_run_duration_seconds";
    /** The score, 0-100; absent when the run was not scored or could not be (verdict error). */
    public static final String SCORE = "clusterbench_score";
    /** The verdict: one sample per verdict, 1 for the run's. */
    public static final String VERDICT = "clusterbench_verdict";
    /** The gate's status: one sample per status, 1 for the run's; only for gated runs. */
    public static final String GATE = "clusterbench_gate_status";
    /** How each probe ended: one sample per status, 1 for the probe's. */
    public static final String PROBE_STATUS = "clusterbench_probe_status";
    /** A probe's headline metric or a metric an objective judged, in the unit its {@code unit} label names. */
    public static final String METRIC = "clusterbench_metric";
    /** How each objective was judged: one sample per state, 1 for the objective's. */
    public static final String OBJECTIVE_STATE = "clusterbench_objective_state";
    /** The change the tuning made to a key metric, in percent of its value before tuning. */
    public static final String EFFECT_CHANGE_PCT = "clusterbench_effect_change_pct";
    /** The low end of that change's 95% interval. */
    public static final String EFFECT_CHANGE_PCT_LOW = "clusterbench_effect_change_pct_low";
    /** The high end of that change's 95% interval. */
    public static final String EFFECT_CHANGE_PCT_HIGH = "clusterbench_effect_change_pct_high";
    /** The verdict on each effect: one sample per verdict, 1 for the effect's. */
    public static final String EFFECT_VERDICT = "clusterbench_effect_verdict";

    private RunMetrics() {
    }

    /** Every family the run has data for, in the order above; families without a sample are left out. */
    public static MetricSnapshots of(RunResult run) {
        Labels runLabels = Labels.of("cluster", run.cluster(), "run_id", run.runId());
        List<String> probeIds = run.probes().stream().map(ProbeMeasurement::probe).toList();
        List<GaugeFamily> families = new ArrayList<>();
        families.addAll(runFamilies(run, runLabels));
        families.addAll(probeFamilies(run, runLabels));
        families.add(objectiveFamily(run.score(), runLabels, probeIds));
        families.addAll(effectFamilies(run.comparison(), runLabels, probeIds));
        List<MetricSnapshot> snapshots = new ArrayList<>();
        families.forEach(family -> family.build().ifPresent(snapshots::add));
        return new MetricSnapshots(snapshots);
    }

    private static List<GaugeFamily> runFamilies(RunResult run, Labels labels) {
        GaugeFamily timestamp = new GaugeFamily(RUN_TIMESTAMP,
                "When the Cluster Bench run ended, in seconds since the epoch.", Unit.SECONDS);
        timestamp.add(labels, run.endedAt().toEpochMilli() / 1000.0);
        GaugeFamily duration = new GaugeFamily(RUN_DURATION, "How long the Cluster Bench run took.", Unit.SECONDS);
        duration.add(labels, Unit.millisToSeconds(run.endedAt().toEpochMilli() - run.startedAt().toEpochMilli()));
        GaugeFamily score = new GaugeFamily(SCORE, "The run's score against its objectives, 0-100.");
        GaugeFamily verdict = new GaugeFamily(VERDICT, "The run's verdict: 1 for the run's verdict, 0 for the others.");
        ScoreResult scored = run.score();
        if (scored != null) {
            if (scored.verdict() != Verdict.ERROR) {
                score.add(labels, scored.score());
            }
            verdict.states(labels, "verdict", words(Verdict.class), word(scored.verdict()));
        }
        GaugeFamily gate = new GaugeFamily(GATE, "The gate's decision: 1 for the run's status, 0 for the others.");
        GateOutcome gated = run.gate();
        if (gated != null) {
            gate.states(labels, "status", words(GateStatus.class), word(gated.status()));
        }
        return List.of(timestamp, duration, score, verdict, gate);
    }

    private static List<GaugeFamily> probeFamilies(RunResult run, Labels labels) {
        GaugeFamily status = new GaugeFamily(PROBE_STATUS,
                "How each probe ended: 1 for the probe's status, 0 for the others.");
        GaugeFamily metric = new GaugeFamily(METRIC,
                "A probe's headline metric or a metric an objective judged, in the unit of its unit label.");
        Set<String> judged = run.score() == null ? Set.of() : run.score().objectives().stream()
                .map(ObjectiveResult::metric).collect(Collectors.toSet());
        for (ProbeMeasurement probe : run.probes()) {
            Labels probeLabels = labels.add("probe", probe.probe());
            status.states(probeLabels, "status", words(ProbeStatus.class), word(probe.status()));
            for (MetricValue value : probe.metrics()) {
                if (RunSummary.isHeadline(value.name()) || judged.contains(probe.probe() + "." + value.name())) {
                    metric.add(probeLabels.add("metric", value.name()).add("unit", value.unit()), value.value());
                }
            }
        }
        return List.of(status, metric);
    }

    private static GaugeFamily objectiveFamily(ScoreResult score, Labels labels, List<String> probeIds) {
        GaugeFamily state = new GaugeFamily(OBJECTIVE_STATE,
                "How each objective was judged: 1 for the objective's state, 0 for the others.");
        if (score != null) {
            for (ObjectiveResult objective : score.objectives()) {
                // The criterion tells apart two objectives on one metric (an absolute and a relative bound).
                Labels objectiveLabels = metricLabels(labels, objective.metric(), probeIds)
                        .add("criterion", objective.pass()).add("key", Boolean.toString(objective.key()));
                state.states(objectiveLabels, "state", words(ObjectiveStatus.class), word(objective.status()));
            }
        }
        return state;
    }

    private static List<GaugeFamily> effectFamilies(RunComparison comparison, Labels labels, List<String> probeIds) {
        GaugeFamily change = new GaugeFamily(EFFECT_CHANGE_PCT,
                "The change the tuning made to the metric, after against before, in percent.");
        GaugeFamily low = new GaugeFamily(EFFECT_CHANGE_PCT_LOW, "The low end of the change's 95% interval, in percent.");
        GaugeFamily high = new GaugeFamily(EFFECT_CHANGE_PCT_HIGH,
                "The high end of the change's 95% interval, in percent.");
        GaugeFamily verdict = new GaugeFamily(EFFECT_VERDICT,
                "The verdict on the tuning's effect: 1 for the effect's verdict, 0 for the others.");
        if (comparison != null) {
            for (MetricEffect effect : comparison.metrics()) {
                Labels effectLabels = metricLabels(labels, effect.metric(), probeIds);
                // A change that was not computed is absent, never 0: 0 would read as "measured no change".
                addIfPresent(change, effectLabels, effect.changePct());
                addIfPresent(low, effectLabels, effect.changePctLow());
                addIfPresent(high, effectLabels, effect.changePctHigh());
                verdict.states(effectLabels, "verdict", words(EffectVerdict.class), word(effect.verdict()));
            }
        }
        return List.of(change, low, high, verdict);
    }

    private static void addIfPresent(GaugeFamily family, Labels labels, Double value) {
        if (value != null && Double.isFinite(value)) {
            family.add(labels, value);
        }
    }

    /** {@code probe} and {@code metric} of a {@code probe.metric} name; probe ids may hold dots, so the longest wins. */
    private static Labels metricLabels(Labels labels, String name, List<String> probeIds) {
        String probe = probeIds.stream().filter(id -> name.startsWith(id + "."))
                .max(Comparator.comparingInt(String::length))
                .orElseGet(() -> name.contains(".") ? name.substring(0, name.indexOf('.')) : "");
        String metric = probe.isEmpty() ? name : name.substring(probe.length() + 1);
        return labels.add("probe", probe).add("metric", metric);
    }

    /** The label values of an enum's constants: {@code no_detectable_change}, lowercase with underscores. */
    private static List<String> words(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(RunMetrics::word).toList();
    }

    private static String word(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
