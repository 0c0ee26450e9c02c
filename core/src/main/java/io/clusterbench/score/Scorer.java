package io.clusterbench.score;

import io.clusterbench.result.History;
import io.clusterbench.result.GatePolicy;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.result.Verdict;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.ObjectiveSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scores a run against the spec's objectives: the one place where objectives are judged, the total is computed
 * and the verdict is decided (docs/scoring.md states every rule).
 *
 * <p>Total = 100 x the weighted mean of the scores of the objectives that PASS, WARN or FAIL (IGNORED and
 * INCONCLUSIVE objectives are left out of both sums), rounded half up to one decimal; 0 when none counts.
 */
public final class Scorer {

    private Scorer() {
    }

    /** Scores {@code run}, taking baselines for relative objectives from {@code history} (any order). */
    public static ScoreResult score(ClusterSpec spec, RunResult run, List<RunResult> history) {
        return score(spec, run, History.of(history));
    }

    /** Scores {@code run}, taking baselines for relative objectives from {@code history}. */
    public static ScoreResult score(ClusterSpec spec, RunResult run, History history) {
        return score(spec, run, history, GatePolicy.DEFAULT);
    }

    /**
     * Scores {@code run} with the thresholds a gate policy sets ({@code minScore} replaces the spec's pass and
     * warning thresholds, see {@link Gate}), so the verdict is the one the gate will judge.
     */
    public static ScoreResult score(ClusterSpec spec, RunResult run, History history, GatePolicy policy) {
        Baseline baseline = Baseline.select(spec.baseline(), run, history);
        ProbeIndex probes = ProbeIndex.of(run);
        ObjectiveJudge judge = new ObjectiveJudge(probes, baseline, errorsJudged(spec, probes));
        List<Judgement> judgements = spec.objectives().stream().map(judge::judge).toList();
        double weights = judgements.stream().filter(Judgement::scored)
                .mapToDouble(j -> j.objective().weight()).sum();
        double points = judgements.stream().filter(Judgement::scored)
                .mapToDouble(j -> j.objective().weight() * j.score()).sum();
        double total = weights == 0 ? 0 : Numbers.oneDecimal(100 * points / weights);
        List<ObjectiveResult> objectives = new ArrayList<>();
        for (Judgement j : judgements) {
            objectives.add(result(j, weights));
        }
        double[] thresholds = Gate.thresholds(spec.score().pass(), spec.score().warning(), policy);
        double pass = thresholds[0];
        double warning = thresholds[1];
        String error = error(spec, run, baseline);
        if (error != null) {
            return new ScoreResult(total, Verdict.ERROR, pass, warning, error, objectives);
        }
        Verdicts.Decision decision = Verdicts.decide(objectives, total, pass, warning);
        String minimum = policy.minScore() == null ? ""
                : " (minimum score " + Numbers.format(policy.minScore()) + " given to the gate)";
        return new ScoreResult(total, decision.verdict(), pass, warning, decision.explanation() + minimum,
                objectives);
    }

    /**
     * The probes with an objective on their errors ({@code probe.errors}, {@code probe.CMD.errors},
     * {@code probe.error_pct}): their PARTIAL numbers count, since an objective judges the errors themselves.
     */
    static Set<String> errorsJudged(ClusterSpec spec, ProbeIndex probes) {
        Set<String> judged = new HashSet<>();
        for (ObjectiveSpec objective : spec.objectives()) {
            probes.probeOf(objective.metric()).map(ProbeMeasurement::probe)
                    .filter(id -> MetricLookup.judgesErrors(objective.metric().substring(id.length() + 1)))
                    .ifPresent(judged::add);
        }
        return judged;
    }

    /** Why the run cannot be scored at all, or null. */
    private static String error(ClusterSpec spec, RunResult run, Baseline baseline) {
        boolean measuredAnything = run.probes().stream()
                .anyMatch(p -> p.status() == ProbeStatus.OK || p.status() == ProbeStatus.PARTIAL);
        if (!measuredAnything) {
            return run.probes().isEmpty() ? "the run has no probe measurements: nothing to score"
                    : "no probe measured anything (all " + run.probes().size() + " failed or were skipped): nothing"
                    + " to score; the probes' errors in result.json say why";
        }
        boolean relative = spec.objectives().stream().anyMatch(o -> o.pass().isRelative());
        if (relative && baseline.problem().isPresent()) {
            return baseline.problem().get();
        }
        return null;
    }

    private static ObjectiveResult result(Judgement j, double weights) {
        ObjectiveSpec o = j.objective();
        double contribution = j.scored() && weights > 0 ? Numbers.oneDecimal(100 * o.weight() * j.score() / weights)
                : 0;
        String points = j.scored()
                ? ", " + Numbers.format(o.weight() * j.score()) + " of " + Numbers.format(weights) + " points ("
                        + Numbers.score(contribution) + " of 100)"
                : ", not scored";
        return new ObjectiveResult(o.metric(), o.pass().text(), o.warning().map(c -> c.text()).orElse(null),
                o.weight(), o.key(), j.status(), j.measured(), j.unit(), j.bound(), j.baseline(), j.baselineRuns(),
                j.statistic(), j.pValue(), j.score(), contribution, j.reason() + ": " + j.outcome() + points);
    }
}
