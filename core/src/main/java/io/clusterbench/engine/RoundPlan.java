package io.clusterbench.engine;

import io.clusterbench.bench.RoundMerge;
import io.clusterbench.result.MetricEffect;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.Timeline;
import io.clusterbench.score.RunComparisons;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.LoadParameters;
import io.clusterbench.spec.ProbeSpec;
import io.clusterbench.tune.Tuning;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How {@code run} lays out its rounds: how many per condition, in which order, and why that design.
 *
 * @param perCondition the rounds of each condition: {@link LoadParameters#RUN_ROUNDS}, or more where a probe asks
 * @param design {@link RunComparison#ALTERNATING} or {@link RunComparison#BEFORE_AFTER}
 * @param order the conditions in order, such as {@code ABBAABBAAB}
 * @param note why this design, and what it cannot rule out
 * @param extension why rounds were added after the planned ones, or empty when none were
 */
record RoundPlan(int perCondition, String design, String order, String note, String extension) {
    /** The fewest rounds an extension adds per condition: enough for one odd round to be outvoted. */
    static final int LEAST_EXTRA = 5;

    RoundPlan(int perCondition, String design, String order, String note) {
        this(perCondition, design, order, note, "");
    }

    /** The plan for a spec whose tuning plans as {@code reversibility} says. */
    static RoundPlan of(ClusterSpec spec, Tuning.Reversibility reversibility) {
        int rounds = LoadParameters.RUN_ROUNDS;
        for (ProbeSpec probe : spec.probes().values()) {
            rounds = Math.max(rounds, LoadParameters.ROUNDS.in(probe.parameters()).intValue());
        }
        if (reversibility.changing().isEmpty()) {
            return new RoundPlan(rounds, RunComparison.BEFORE_AFTER, "A".repeat(rounds) + "B".repeat(rounds),
                    "before/after: the tuning plans no change, so there is nothing to alternate");
        }
        if (!reversibility.irreversible().isEmpty()) {
            return new RoundPlan(rounds, RunComparison.BEFORE_AFTER, "A".repeat(rounds) + "B".repeat(rounds),
                    "before/after, the weaker design: " + String.join(", ", reversibility.irreversible())
                            + " cannot be rolled back, so the conditions could not alternate, and a drift of the"
                            + " machine between the A rounds and the B rounds is not cancelled");
        }
        return new RoundPlan(rounds, RunComparison.ALTERNATING, alternating(rounds),
                "alternating: every change is rolled back and applied again between rounds, each switch read back"
                        + " (evidence.jsonl), so a drift of the machine falls on both conditions alike");
    }

    /** ABBA repeated: every condition follows and precedes the other equally often, so linear drift cancels. */
    static String alternating(int perCondition) {
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < 2 * perCondition; i++) {
            order.append(i % 4 == 0 || i % 4 == 3 ? 'A' : 'B');
        }
        return order.toString();
    }

    /**
     * This alternating plan with more rounds per condition, when the comparison of its rounds found a metric too noisy
     * to promise anything ({@link RunComparisons#tooNoisy}) or with too few rounds for the level its probe's family of
     * metrics needs ({@link RunComparisons#tooFewRounds}); empty when none did, or when the conditions did not
     * alternate (before/after cannot go back to A). It adds what the neediest metric asks for ({@link
     * RunComparisons#roundsNeeded}), at least {@value #LEAST_EXTRA} and at most {@code most}. Only the spread decides,
     * never the change: the noise floor and the interval's width stay the same whatever one amount every tuned round
     * moves by, so adding rounds cannot steer the verdict (the sample size re-estimated from the variance, as in an
     * internal pilot study). The order goes on as ABBA blocks, so drift still falls on both conditions alike.
     */
    Optional<RoundPlan> extendedFor(RunComparison first, int most) {
        List<MetricEffect> lacking = new ArrayList<>(RunComparisons.tooNoisy(first));
        lacking.addAll(RunComparisons.tooFewRounds(first));
        if (most <= 0 || lacking.isEmpty() || !design.equals(RunComparison.ALTERNATING)) {
            return Optional.empty();
        }
        int wanted = lacking.stream().mapToInt(m -> RunComparisons.roundsNeeded(m, perCondition)).max().orElse(0);
        int extra = Math.min(most, Math.max(LEAST_EXTRA, wanted - perCondition));
        List<String> reasons = lacking.stream().map(m -> m.detectablePct() == null
                ? m.metric() + " (too few rounds for its interval)"
                : m.metric() + " (only a change beyond " + Numbers.estimate(m.detectablePct())
                        + "% could have been detected)").toList();
        String why = "after " + perCondition + " rounds per condition " + String.join(", ", reasons)
                + " needed more rounds, so " + extra
                + " more rounds of each followed (" + (wanted > perCondition ? "about " + wanted + " per condition"
                + " needed; " : "") + "settings.extraRounds allows " + most + " more)";
        return Optional.of(new RoundPlan(perCondition + extra, design, alternating(perCondition + extra),
                note + "; " + why, why));
    }

    /** One line for the console. */
    String describe() {
        return perCondition + " rounds per condition, " + design + " (" + order + "): A = before tuning, B = tuned";
    }

    /**
     * The tuned run with each probe's timeline holding the rounds of both conditions in run order, so that its
     * report shows A and B side by side and a drift or a stall in either; its metrics stay those of the B rounds.
     */
    static RunResult withBothTimelines(RunResult after, RunResult before) {
        Map<String, Timeline> beforeTimelines = new LinkedHashMap<>();
        before.probes().stream().filter(p -> p.timeline() != null)
                .forEach(p -> beforeTimelines.put(p.probe(), p.timeline()));
        return after.withProbes(after.probes().stream().map(p -> {
            Timeline a = beforeTimelines.get(p.probe());
            return a == null || p.timeline() == null ? p : p.withTimeline(Timeline.join(List.of(a, p.timeline())));
        }).toList());
    }

    /**
     * The rounds of one condition merged into one run: each probe's rounds by {@link RoundMerge}, each round keeping
     * its place in the whole order; null when no round of that condition was measured.
     */
    static RunResult merge(List<RunResult> measured, List<String> conditions, String condition) {
        Map<String, List<ProbeMeasurement>> byProbe = new LinkedHashMap<>();
        Map<String, List<Integer>> indices = new LinkedHashMap<>();
        Set<String> insecure = new LinkedHashSet<>();
        RunResult first = null;
        RunResult last = null;
        for (int i = 0; i < measured.size(); i++) {
            if (!conditions.get(i).equals(condition)) {
                continue;
            }
            RunResult round = measured.get(i);
            first = first == null ? round : first;
            last = round;
            insecure.addAll(round.insecureHosts());
            for (ProbeMeasurement p : round.probes()) {
                byProbe.computeIfAbsent(p.probe(), id -> new ArrayList<>()).add(p);
                indices.computeIfAbsent(p.probe(), id -> new ArrayList<>()).add(i + 1);
            }
        }
        if (first == null) {
            return null;
        }
        List<ProbeMeasurement> probes = new ArrayList<>();
        byProbe.forEach((probe, rounds) -> probes.add(RoundMerge.merge(rounds, indices.get(probe),
                Collections.nCopies(rounds.size(), condition))));
        return new RunResult(RunResult.SCHEMA_VERSION, first.runId(), first.cluster(), first.specFile(),
                first.specSha256(), first.tool(), first.startedAt(), last.endedAt(), List.copyOf(insecure), probes);
    }
}
