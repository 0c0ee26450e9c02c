package io.clusterbench.score;

import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.MetricComparison;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.Numbers;
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
import org.HdrHistogram.Histogram;

/**
 * Compares a run with an earlier run on the same workload (after tuning against before): the proof, or disproof,
 * that tuning helped.
 *
 * <p>Metrics compared: every objective's metric (in spec order), then every probe's headline latency, the
 * {@code p99_ms} metrics ({@code p99_ms}, {@code get.p99_ms}, {@code ttft_p99_ms}, ...), each once and only when
 * both runs measured it. A change is significant when both runs kept the histogram behind the metric, the
 * Mann-Whitney U test gives p below {@code alpha}, and the medians moved at least {@code minEffect} percent the same
 * way as the metric; without samples a change is never called significant, because one number per run cannot tell
 * a change from noise. {@code worse} follows {@link MetricDirection}. The run regressed when a metric watched by a
 * key objective is significantly worse.
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
        List<String> notApplied = changes.stream().filter(c -> c.status().failedOrUndone())
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

    /** A comparison that compares nothing, and says why. */
    public static RunComparison notComparable(RunResult before, String reason) {
        return new RunComparison(before.runId(), List.of(), false, false, reason);
    }

    /** {@code after} compared with {@code before} under the significance rule of {@code settings}. */
    public static RunComparison compare(ClusterSpec spec, RunResult before, RunResult after,
            BaselineSettings settings) {
        Map<String, Optional<ObjectiveSpec>> metrics = new LinkedHashMap<>();
        for (ObjectiveSpec o : spec.objectives()) {
            // The first objective on a metric gives its direction; any key objective on it makes it key.
            Optional<ObjectiveSpec> seen = metrics.getOrDefault(o.metric(), Optional.empty());
            metrics.put(o.metric(), seen.isPresent() && !o.key() ? seen : Optional.of(o));
        }
        for (String headline : headlines(after)) {
            metrics.putIfAbsent(headline, Optional.empty());
        }
        List<MetricComparison> compared = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Optional<ObjectiveSpec>> entry : metrics.entrySet()) {
            Optional<MetricComparison> c = compare(entry.getKey(), entry.getValue(), before, after, settings);
            c.ifPresentOrElse(compared::add, () -> {
                if (entry.getValue().isPresent()) {
                    missing.add(entry.getKey());
                }
            });
        }
        boolean regressed = compared.stream().anyMatch(m -> m.key() && m.significant() && m.worse());
        return new RunComparison(before.runId(), compared, regressed, false,
                explanation(before, compared, missing, regressed));
    }

    private static Optional<MetricComparison> compare(String metric, Optional<ObjectiveSpec> objective,
            RunResult before, RunResult after, BaselineSettings settings) {
        Optional<MetricValue> was = MetricLookup.value(before, metric);
        Optional<MetricValue> is = MetricLookup.value(after, metric);
        if (was.isEmpty() || is.isEmpty()) {
            return Optional.empty();
        }
        double b = was.get().value();
        double a = is.get().value();
        Double changePct = b == 0 ? null : (a - b) / b * 100;
        MetricDirection direction = MetricDirection.of(metric, is.get().unit(),
                objective.map(o -> o.pass().op()).filter(op -> op != Comparison.EQUAL));
        Optional<Histogram> hb = MetricLookup.histogram(before, metric);
        Optional<Histogram> ha = MetricLookup.histogram(after, metric);
        Optional<SampleComparison> samples = hb.isPresent() && ha.isPresent()
                ? Optional.of(SampleComparison.of(hb.get(), ha.get())) : Optional.empty();
        boolean significant = a != b && samples.map(s -> s.shifted(a > b, settings.alpha(), settings.minEffectPct()))
                .orElse(false);
        return Optional.of(new MetricComparison(metric, is.get().unit(), b, a, changePct,
                samples.map(SampleComparison::statistic).orElse(null), samples.map(SampleComparison::pValue)
                        .orElse(null), significant, direction.worse(b, a), objective.map(ObjectiveSpec::key)
                        .orElse(false)));
    }

    /** The probes' p99 latency metrics that come from a kept histogram, in probe order. */
    static List<String> headlines(RunResult run) {
        List<String> names = new ArrayList<>();
        for (ProbeMeasurement p : run.probes()) {
            if (p.status() == ProbeStatus.FAILED || p.status() == ProbeStatus.SKIPPED) {
                continue;
            }
            for (MetricValue m : p.metrics()) {
                boolean p99 = m.name().equals("p99_ms") || m.name().endsWith(".p99_ms") || m.name().endsWith("_p99_ms");
                if (p99 && MetricLookup.histogramName(m.name(), p.latencies()).isPresent()) {
                    names.add(p.probe() + "." + m.name());
                }
            }
        }
        return names;
    }

    private static String explanation(RunResult before, List<MetricComparison> compared, List<String> missing,
            boolean regressed) {
        List<String> worse = compared.stream().filter(m -> m.significant() && m.worse())
                .map(RunComparisons::change).toList();
        List<String> better = compared.stream().filter(m -> m.significant() && !m.worse())
                .map(RunComparisons::change).toList();
        StringBuilder s = new StringBuilder("against run " + before.runId() + ": " + compared.size()
                + " metrics compared, " + worse.size() + " significantly worse"
                + (worse.isEmpty() ? "" : " (" + String.join(", ", worse) + ")") + ", " + better.size()
                + " significantly changed otherwise" + (better.isEmpty() ? "" : " (" + String.join(", ", better) + ")"));
        if (!missing.isEmpty()) {
            s.append("; not measured in both runs: ").append(Baseline.abbreviate(missing));
        }
        if (!worse.isEmpty() || !better.isEmpty()) {
            // Until rounds and a noise floor exist, say what the test is worth where it speaks.
            s.append("; the test counts every request of one run as an independent sample and no noise floor was"
                    + " measured, so a flagged change is a lead to check, not an established effect");
        }
        s.append(regressed ? "; a key objective's metric got significantly worse: regressed"
                : "; no key objective's metric got significantly worse");
        return s.toString();
    }

    private static String change(MetricComparison m) {
        String pct = m.changePct() == null ? "" : " " + Numbers.signedPercent(m.changePct());
        return m.metric() + " " + Numbers.withUnit(m.before(), m.unit()) + " -> " + Numbers.withUnit(m.after(),
                m.unit()) + pct;
    }
}
