package io.clusterbench.result;

import java.util.List;
import java.util.Objects;

/**
 * What a capacity search found: every step it measured, in order, and its conclusion. The curve is the steps
 * sorted by load; the knee is the highest load that passed.
 *
 * @param knob the load parameter the search varied: {@code rate}, {@code concurrency}, {@code clients},
 *     {@code requestRate} or {@code maxConcurrency}
 * @param unit the knob's unit, such as {@code req/s} or {@code connections}
 * @param slo the conditions every round of a step had to meet, as written
 * @param precisionPct the precision the search bisected to, in percent of the passed load
 * @param budgetS the search's time budget, in seconds
 * @param outcome {@link #FOUND}, {@link #GENERATOR_LIMIT}, {@link #BUDGET}, {@link #NONE_PASSED},
 *     {@link #MAX_PASSED} or {@link #STOPPED}
 * @param passed the highest load that passed in all its rounds, or null when none did
 * @param failed the lowest load that failed, or null when none did
 * @param statement the conclusion in one sentence, with its confidence
 * @param steps the steps in the order they ran
 */
public record CapacityCurve(String knob, String unit, List<String> slo, double precisionPct, double budgetS,
        String outcome, Double passed, Double failed, String statement, List<CapacityStep> steps) {

    /** Bisected to the precision: the capacity lies between passed and failed. */
    public static final String FOUND = "found";
    /** The generator could not offer a load the server still met the SLO at: a limit of the generator, not capacity. */
    public static final String GENERATOR_LIMIT = "generator-limit";
    /** The time budget ended the search before the precision was reached. */
    public static final String BUDGET = "budget";
    /** Even the first load failed. */
    public static final String NONE_PASSED = "none-passed";
    /** The highest load allowed ({@code capacityMax}) passed: the capacity is at least that. */
    public static final String MAX_PASSED = "max-passed";
    /** The run was stopped during the search. */
    public static final String STOPPED = "stopped";

    public CapacityCurve {
        Objects.requireNonNull(knob, "knob");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(statement, "statement");
        slo = List.copyOf(slo);
        steps = List.copyOf(steps);
    }

    /** The steps sorted by load, the curve to draw. */
    public List<CapacityStep> byLoad() {
        return steps.stream().sorted((a, b) -> Double.compare(a.load(), b.load())).toList();
    }
}
