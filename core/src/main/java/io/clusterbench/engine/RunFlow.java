package io.clusterbench.engine;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.control.BenchmarkOptions;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.Disturbance;
import io.clusterbench.result.Evidence;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.RunResult;
import io.clusterbench.score.RunComparisons;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.tune.Tuning;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rounds -> tuning switches -> comparison -> rollback-if-worse -> score -> gate flow of {@link ClusterBench#run},
 * in one place so that every front runs it alike.
 *
 * <p>Each condition, A (before tuning) and B (tuned), is measured in rounds (see {@link RoundPlan}). When every
 * change of the tuning can be rolled back, the conditions alternate, ABBAABBAAB, applying and rolling back the
 * tuning between rounds with read-back, so that drift of the machine falls on both conditions alike; otherwise all
 * A rounds run before the tuning and all B rounds after it, and the result names that weaker design.
 */
final class RunFlow {
    private static final int STAGES = 3;

    private final ClusterBench engine;
    private final LoadedSpec spec;
    private final String specFile;
    private final RunPlan plan;
    private final RunListener listener;
    private final StopSignal stop;

    private RunResult tuned;
    private final List<Evidence> evidence = new ArrayList<>();
    private boolean applied;
    private String notComparable;

    RunFlow(ClusterBench engine, LoadedSpec spec, String specFile, RunPlan plan, RunListener listener,
            StopSignal stop) {
        this.engine = engine;
        this.spec = spec;
        this.specFile = specFile;
        this.plan = plan;
        this.listener = listener;
        this.stop = stop;
    }

    RunOutcome run() throws ClusterBenchException {
        Tuning.Reversibility reversibility = engine.reversibility(spec);
        if (!reversibility.refused().isEmpty()) {
            Optional<RunOutcome> refused = refusedBeforeAnyRound(reversibility);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        RoundPlan rounds = RoundPlan.of(spec.spec(), reversibility);
        listener.stage(1, STAGES, rounds.describe());
        List<String> conditions = new ArrayList<>();
        List<RunResult> measured = new ArrayList<>();
        Map<String, String> disturbed;
        List<Disturbance> disturbances;
        try (QuietWatch quiet = engine.quietWatch(spec)) {
            measure(rounds.order(), measured, conditions, quiet);
            Optional<RoundPlan> more = moreRounds(rounds, measured, conditions, quiet);
            if (more.isPresent()) {
                rounds = more.get();
                measure(rounds.order(), measured, conditions, quiet);
            }
            disturbed = quiet.disturbed();
            disturbances = quiet.found();
        }
        if (!stop.raised() && !applied && notComparable == null && !reversibility.changing().isEmpty()) {
            // An even number of alternating rounds ends in A: the run leaves the tuning applied, as asked.
            switchTo("B", rounds.order().length() + 1);
        }
        String ran = String.join("", conditions);
        RunResult before = RoundPlan.merge(measured, conditions, "A");
        RunResult after = RoundPlan.merge(measured, conditions, "B");
        writeIfPresent(before, plan.beforeDir());
        writeIfPresent(after, plan.afterDir());
        if (stop.raised() || before == null || after == null) {
            if (tuned != null) {
                // The tuning folder's result.json is written; its reports say what a stop left applied.
                engine.writeReports(tuned, plan.tuningDir());
            }
            RunResult last = after != null ? after : before;
            return stopped(last == null ? null : withTuning(last), before);
        }
        listener.benchmarked("before", before);
        listener.benchmarked("after", after);
        listener.stage(2, STAGES, "compare, score and gate");
        // The before-run is scored too, so that its report and the trend show where tuning started from.
        RunResult scoredBefore = before.withScore(engine.score(spec, before, plan.history()));
        ResultFiles.write(scoredBefore, plan.beforeDir().resolve(ResultFiles.RESULT_JSON));
        listener.note("Before tuning: " + scoredBefore.score().verdict() + ", score "
                + Numbers.score(scoredBefore.score().score()));
        RunComparison comparison = notComparable != null
                ? RunComparisons.notComparable(before, notComparable)
                : engine.compare(spec, before, after, new RunComparisons.Design(rounds.design(), ran,
                        rounds.perCondition(), rounds.note(), disturbed, disturbances));
        listener.compared(comparison);
        if (comparison.regressed() && spec.spec().settings().rollbackIfWorse()) {
            listener.stage(3, STAGES, "rollbackIfWorse: rolling the tuning back");
            rollBack("a key objective's metric got worse: " + comparison.explanation());
            comparison = comparison.rolledBackBecauseWorse();
        }
        RunResult result = withTuning(RoundPlan.withBothTimelines(after, before)).withComparison(comparison);
        GatedRun gated = engine.gate(spec, result, plan.history(), plan.policy(), plan.outDir());
        if (plan.historyAdd() != null) {
            StoredRun stored = engine.addToHistory(plan.outDir(), plan.historyAdd());
            listener.note(stored.describe());
        }
        return new RunOutcome(gated.result(), scoredBefore, gated.gate(), gated.resultFile(), gated.reports(),
                false);
    }

    /**
     * A tuning with a required action known to fail is refused by its preflight, so measuring rounds first would
     * only spend the cluster's time: the tuning is tried at once (its preflight refuses it and writes its folder),
     * and the run's result.json and reports say that nothing was applied and nothing compared. Empty when the
     * preflight, run a moment later, found nothing against it after all and applied the tuning: it is rolled back and
     * the rounds run as planned.
     */
    private Optional<RunOutcome> refusedBeforeAnyRound(Tuning.Reversibility reversibility)
            throws ClusterBenchException {
        listener.note("Preflight: " + String.join("; ", reversibility.refused()) + "; the tuning will not be"
                + " applied, so no round is measured");
        switchTo("B", 1);
        if (applied) {
            rollBack("the preflight found nothing against the tuning after all: back to the state before tuning");
            notComparable = null;
            return Optional.empty();
        }
        RunResult result = withTuning(tuned).withComparison(RunComparisons.notComparable(tuned,
                notComparable != null ? notComparable : "not applied: nothing to compare"));
        Path resultFile = plan.outDir().resolve(ResultFiles.RESULT_JSON);
        ResultFiles.write(result, resultFile);
        return Optional.of(new RunOutcome(result, null, null, resultFile, engine.writeReports(result,
                plan.outDir()), false));
    }

    /** Measures the rounds of {@code order} not measured yet, switching the tuning between them. */
    private void measure(String order, List<RunResult> measured, List<String> conditions, QuietWatch quiet)
            throws ClusterBenchException {
        for (int i = measured.size(); i < order.length() && !stop.raised(); i++) {
            String condition = order.substring(i, i + 1);
            switchTo(condition, i + 1);
            if (stop.raised()) {
                break;
            }
            listener.round(i + 1, order.length(), condition);
            quiet.before(i + 1).forEach(d -> listener.note("quiet-cluster check: " + d.message()));
            Path dir = plan.outDir().resolve("rounds").resolve(String.format("%02d-%s", i + 1, condition));
            BenchmarkOptions options = new BenchmarkOptions(dir, List.of(), plan.maxParallel(),
                    Duration.ofSeconds(1)).rounds(1);
            measured.add(engine.benchmark(spec, specFile, options, listener, stop));
            conditions.add(condition);
        }
    }

    /** The plan with more rounds when the planned ones were too noisy ({@link RoundPlan#extendedFor}). */
    private Optional<RoundPlan> moreRounds(RoundPlan rounds, List<RunResult> measured, List<String> conditions,
            QuietWatch quiet) throws ClusterBenchException {
        int extra = spec.spec().settings().extraRounds();
        if (extra == 0 || stop.raised() || notComparable != null || !rounds.design().equals(RunComparison.ALTERNATING)
                || measured.size() < rounds.order().length()) {
            return Optional.empty();
        }
        RunResult before = RoundPlan.merge(measured, conditions, "A");
        RunResult after = RoundPlan.merge(measured, conditions, "B");
        if (before == null || after == null) {
            return Optional.empty();
        }
        RunComparison first = engine.compare(spec, before, after, new RunComparisons.Design(rounds.design(),
                String.join("", conditions), rounds.perCondition(), rounds.note(), quiet.disturbed(), quiet.found()));
        Optional<RoundPlan> more = rounds.extendedFor(first, extra);
        more.ifPresent(plan -> listener.note(plan.extension()));
        return more;
    }

    /** Brings the cluster into {@code condition} before round {@code index}: applies or rolls back the tuning. */
    private void switchTo(String condition, int index) throws ClusterBenchException {
        if (notComparable != null) {
            return;
        }
        if (condition.equals("B") && !applied) {
            RunResult result = engine.tune(spec, specFile, plan.tuningDir(), spec.spec().settings().rollback(),
                    listener, stop::raised);
            evidence.addAll(result.evidence());
            tuned = result;
            listener.tuned(result);
            Optional<String> why = RunComparisons.whyNotComparable(result.changes());
            if (why.isPresent()) {
                notComparable = why.get();
                listener.note("Tuning before round " + index + ": " + why.get()
                        + "; the remaining rounds measure the cluster as it is");
                return;
            }
            applied = true;
        } else if (condition.equals("A") && applied) {
            rollBack("alternating A/B: back to the state before tuning for round " + index);
            if (tuned.changes().stream().anyMatch(RunFlow::leftChanged)) {
                notComparable = "inconclusive: the rollback before round " + index + " did not restore every change,"
                        + " so the conditions are not what they claim; see evidence.jsonl";
                listener.note(notComparable);
            }
        }
    }

    /** Whether an action is not back where it was; an optional one that failed or was skipped changed nothing. */
    private static boolean leftChanged(ChangeOutcome change) {
        ChangeStatus status = change.status();
        boolean optionalNotDone = change.optional()
                && (status == ChangeStatus.FAILED || status == ChangeStatus.NOT_STARTED);
        return status != ChangeStatus.ROLLED_BACK && status != ChangeStatus.UNCHANGED && status != ChangeStatus.CHECKED
                && !optionalNotDone;
    }

    private void rollBack(String reason) throws ClusterBenchException {
        int known = tuned.evidence().size();
        RunResult result = engine.rollBackTuning(spec, tuned, plan.tuningDir(), reason, listener);
        evidence.addAll(result.evidence().subList(known, result.evidence().size()));
        tuned = result;
        applied = false;
    }

    private RunResult withTuning(RunResult run) {
        return tuned == null ? run : run.withTuning(tuned.changes(), evidence);
    }

    private static void writeIfPresent(RunResult run, Path dir) throws ClusterBenchException {
        if (run != null) {
            ResultFiles.write(run, dir.resolve(ResultFiles.RESULT_JSON));
        }
    }

    /** Stopped early: what was measured is written; nothing is scored or gated on partial evidence. */
    private static RunOutcome stopped(RunResult last, RunResult before) {
        return new RunOutcome(last, before, null, null, List.of(), true);
    }
}
