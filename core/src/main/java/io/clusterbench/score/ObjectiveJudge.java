package io.clusterbench.score;

import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.BaselineSettings;
import io.clusterbench.spec.Comparison;
import io.clusterbench.spec.Criterion;
import io.clusterbench.spec.NoHistoryPolicy;
import io.clusterbench.spec.ObjectiveSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Judges one objective against one run and its baseline; the rules are in docs/scoring.md. */
final class ObjectiveJudge {

    private final ProbeIndex run;
    /**
     * What gets a first run going, said wherever a relative objective has no baseline, so that no configuration
     * leaves a user waiting for a baseline that never comes (docs/scoring.md, "The first runs").
     */
    static final String FIRST_RUN_HINT = "; keep this run in the history (clusterbench history add RUN_DIR HISTORY,"
            + " or --history-add) and the next run is judged against it, since a run whose only open objectives lack"
            + " a baseline counts as passing for baselines; or set baseline: { noHistory: pass } to pass first runs,"
            + " or baseline: { from: previous } to compare with the previous run whatever its verdict";

    private final Baseline baseline;
    /** The baseline's runs, indexed once rather than once per objective. */
    private final List<ProbeIndex> baselineRuns;
    /** The probes whose errors an objective judges, so that their PARTIAL numbers still count. */
    private final Set<String> errorsJudged;

    ObjectiveJudge(ProbeIndex run, Baseline baseline, Set<String> errorsJudged) {
        this.run = run;
        this.baseline = baseline;
        this.baselineRuns = baseline.runs().stream().map(ProbeIndex::of).toList();
        this.errorsJudged = Set.copyOf(errorsJudged);
    }

    Judgement judge(ObjectiveSpec objective) {
        MetricLookup.Found found = MetricLookup.find(run, objective.metric(), errorsJudged);
        Judgement judged = judge(objective, found);
        // An aborted load is said beside every judged objective on its probe, so the verdict says why the numbers
        // stop; an objective without data already names the abort as the reason for that.
        return found.probe().filter(p -> found.value().isPresent()).flatMap(p -> p.errors().stream().filter(e -> e.kind() == ErrorKind.ABORTED).findFirst())
                .map(aborted -> judged.withReason(judged.reason() + "; " + aborted.message()))
                .orElse(judged);
    }

    private Judgement judge(ObjectiveSpec objective, MetricLookup.Found found) {
        if (found.notRun()) {
            // Not a missing number but a probe this run never ran: neither a pass nor a failure of the cluster.
            return judgement(objective, ObjectiveStatus.IGNORED, 0, null, null, null,
                    objective.metric() + " is " + found.absence(), "excluded from the score");
        }
        if (found.value().isEmpty()) {
            return noData(objective, found.absence());
        }
        MetricValue value = found.value().get();
        return objective.pass().isRelative() ? relative(objective, value) : absolute(objective, value);
    }

    /**
     * Linear credit inside the warning band: 1 at the pass bound, 0 at the warning bound; 0 when the band has no
     * width (a strict pass and an inclusive warning on the same number).
     */
    static double credit(double value, double passLimit, double warningLimit) {
        double width = Math.abs(warningLimit - passLimit);
        if (width == 0) {
            return 0;
        }
        return Math.max(0, Math.min(1, Math.abs(warningLimit - value) / width));
    }

    private Judgement noData(ObjectiveSpec o, String absence) {
        String reason = o.metric() + " has no data (" + absence + ")";
        return switch (o.noData()) {
            case FAIL -> judgement(o, ObjectiveStatus.FAIL, 0, null, null, null, reason, "fail (nodata: fail)");
            case IGNORE -> judgement(o, ObjectiveStatus.IGNORED, 0, null, null, null, reason,
                    "ignored (nodata: ignore)");
            case INCONCLUSIVE -> judgement(o, ObjectiveStatus.INCONCLUSIVE, 0, null, null, null, reason,
                    "inconclusive (nodata: inconclusive)");
        };
    }

    private Judgement absolute(ObjectiveSpec o, MetricValue value) {
        double v = value.value();
        String unit = value.unit();
        Criterion pass = o.pass();
        String measured = o.metric() + " = " + Numbers.withUnit(v, unit);
        String passText = absoluteText(pass, unit);
        if (pass.op().test(v, pass.value())) {
            return judgement(o, ObjectiveStatus.PASS, 1, v, unit, pass.value(), measured + " " + passText, "pass");
        }
        Optional<Criterion> warning = o.warning();
        if (warning.isPresent() && warning.get().op().test(v, warning.get().value())) {
            double credit = credit(v, pass.value(), warning.get().value());
            return judgement(o, ObjectiveStatus.WARNING, credit, v, unit, pass.value(),
                    measured + ", not " + passText + " but " + absoluteText(warning.get(), unit), warningWords(credit));
        }
        String nor = warning.map(w -> " nor " + absoluteText(w, unit)).orElse("");
        return judgement(o, ObjectiveStatus.FAIL, 0, v, unit, pass.value(), measured + ", not " + passText + nor,
                "fail");
    }

    private Judgement relative(ObjectiveSpec o, MetricValue value) {
        double v = value.value();
        String unit = value.unit();
        String measured = o.metric() + " = " + Numbers.withUnit(v, unit);
        BaselineSettings settings = baseline.settings();
        if (baseline.problem().isPresent()) {
            return judgement(o, ObjectiveStatus.INCONCLUSIVE, 0, v, unit, null,
                    measured + " has no baseline: " + baseline.problem().get(), "inconclusive");
        }
        List<Double> values = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Double> baselineRounds = new ArrayList<>();
        String workload = workloadOf(run, o.metric());
        List<String> otherWorkload = new ArrayList<>();
        for (ProbeIndex earlier : baselineRuns) {
            String theirs = workloadOf(earlier, o.metric());
            if (workload != null && theirs != null && !workload.equals(theirs)) {
                // Another experiment (other clients, rate, commands or target): never compared.
                otherWorkload.add(earlier.run().runId());
                continue;
            }
            MetricLookup.value(earlier, o.metric()).ifPresent(m -> {
                values.add(m.value());
                ids.add(earlier.run().runId());
                for (double r : RunComparisons.allRoundValues(earlier, o.metric())) {
                    baselineRounds.add(r);
                }
            });
        }
        if (values.isEmpty()) {
            String why = baseline.runs().isEmpty() ? "no runs in " + baseline.description()
                    : !otherWorkload.isEmpty() ? "runs " + Baseline.abbreviate(otherWorkload) + " measured another"
                            + " workload of its probe (its parameters or target differ), and runs of different"
                            + " workloads are never compared"
                    : "none of " + baseline.description() + " measured it";
            boolean pass = settings.noHistory() == NoHistoryPolicy.PASS;
            return judgement(o, pass ? ObjectiveStatus.PASS : ObjectiveStatus.INCONCLUSIVE, pass ? 1 : 0, v, unit,
                    null, measured + " has no baseline (" + why + ")",
                    pass ? "pass (baseline.noHistory: pass)" : "inconclusive (baseline.noHistory: inconclusive)"
                            + FIRST_RUN_HINT);
        }
        double base = settings.aggregate().apply(values.stream().mapToDouble(Double::doubleValue).toArray());
        Criterion pass = o.pass();
        double passLimit = pass.limit(base);
        Optional<HistoryShift> samples = HistoryShift.of(
                baselineRounds.stream().mapToDouble(Double::doubleValue).toArray(),
                RunComparisons.allRoundValues(run, o.metric()), values, settings.minEffectPct());
        String change = base == 0 ? "" : " is " + Numbers.signedPercent((v - base) / base * 100) + " from";
        String against = measured + change + (base == 0 ? " against" : "") + " the baseline "
                + Numbers.withUnit(base, unit) + " (" + origin(settings, ids) + ")";
        String passText = pass.text() + " (limit " + Numbers.withUnit(passLimit, unit) + ")";
        RelativeFacts facts = new RelativeFacts(o, v, unit, passLimit, base, ids, samples);
        if (pass.op().test(v, passLimit)) {
            return facts.judgement(ObjectiveStatus.PASS, 1, against + ", within " + passText, "pass");
        }
        if (samples.isPresent() && !significant(pass.op(), samples.get(), settings)) {
            return facts.judgement(ObjectiveStatus.PASS, 1, against + ", beyond " + passText + " but not beyond the noise ("
                    + samples.get().describe() + ")", "pass");
        }
        String beyond = against + ", beyond " + passText + samples.map(s -> " and beyond the noise (" + s.describe() + ")")
                .orElse(" (no rounds to test, at least 4 in the run and in its baseline: judged on the bound alone)");
        Optional<Criterion> warning = o.warning();
        if (warning.isPresent() && warning.get().op().test(v, warning.get().limit(base))) {
            double warningLimit = warning.get().limit(base);
            double credit = credit(v, passLimit, warningLimit);
            return facts.judgement(ObjectiveStatus.WARNING, credit, beyond + " but within " + warning.get().text()
                    + " (limit " + Numbers.withUnit(warningLimit, unit) + ")", warningWords(credit));
        }
        return facts.judgement(ObjectiveStatus.FAIL, 0, beyond, "fail");
    }

    /** The numbers of a relative judgement, shared by its outcomes. */
    private record RelativeFacts(ObjectiveSpec objective, double measured, String unit, double bound, double baseline,
            List<String> runs, Optional<HistoryShift> samples) {

        Judgement judgement(ObjectiveStatus status, double score, String reason, String outcome) {
            return new Judgement(objective, status, score, measured, unit, bound, baseline, runs,
                    samples.map(s -> HistoryShift.STATISTIC).orElse(null), null, reason, outcome);
        }
    }

    /** Whether the samples moved significantly the way that breaks the criterion (either way for ==). */
    /** The workload hash of the probe behind {@code metric} in {@code run}, or null when unknown. */
    private static String workloadOf(ProbeIndex run, String metric) {
        return MetricLookup.find(run, metric).probe().map(ProbeMeasurement::workload).orElse(null);
    }

    private static boolean significant(Comparison op, HistoryShift samples, BaselineSettings settings) {
        if (op.isUpperBound()) {
            return samples.shifted(true);
        }
        if (op.isLowerBound()) {
            return samples.shifted(false);
        }
        return samples.shifted(true) || samples.shifted(false);
    }

    private static String origin(BaselineSettings settings, List<String> ids) {
        if (ids.size() == 1) {
            return "run " + ids.get(0);
        }
        return settings.aggregate().label() + " of " + ids.size() + " runs: " + Baseline.abbreviate(ids);
    }

    private static String absoluteText(Criterion c, String unit) {
        return c.op().symbol() + " " + Numbers.withUnit(c.value(), unit);
    }

    private static String warningWords(double credit) {
        return "warning at " + Numbers.format(credit * 100) + "% credit";
    }

    private static Judgement judgement(ObjectiveSpec o, ObjectiveStatus status, double score, Double measured,
            String unit, Double bound, String reason, String outcome) {
        return new Judgement(o, status, score, measured, unit, bound, null, List.of(), null, null, reason, outcome);
    }
}
