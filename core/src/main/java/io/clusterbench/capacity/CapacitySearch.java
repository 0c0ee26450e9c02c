package io.clusterbench.capacity;

import io.clusterbench.control.StopSignal;
import io.clusterbench.result.CapacityCurve;
import io.clusterbench.result.CapacityStep;
import io.clusterbench.result.ProbeMeasurement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Finds the highest load that meets the SLO: the load doubles from the first one until a step fails (or halves
 * from a first load that failed, until one passes), then bisects between the highest passed and the lowest failed
 * load until they are within the precision. Every step is measured in its rounds and passes only when all of them
 * met the SLO, so the answer is a bracket with its evidence: the highest load that passed in all its rounds and the
 * lowest that failed.
 *
 * <p>The search ends early, and says why, when the generator could not offer a step's load twice in a row (a
 * generator limit: the server's capacity is then unknown, only that it is above what passed), when the next step would take it past the
 * time budget, when the highest allowed load passed, or when the run is stopped.
 *
 * <p>Usage: {@code SearchOutcome found = new CapacitySearch(settings, runner, stop, System::nanoTime).run();}
 */
public final class CapacitySearch {

    /** The steps measured, the curve, and the measurement of the highest load that passed (null when none did). */
    public record SearchOutcome(CapacityCurve curve, Map<Double, ProbeMeasurement> measured,
            ProbeMeasurement best) {
    }

    private final SearchSettings settings;
    private final StepRunner runner;
    private final StopSignal stop;
    private final LongSupplier nanos;
    private final StepJudge judge;
    private final List<CapacityStep> steps = new ArrayList<>();
    private final Map<Double, ProbeMeasurement> measured = new LinkedHashMap<>();
    private long started;
    private long longestStep;
    private Double passed;
    private Double failed;
    private String outcome;

    public CapacitySearch(SearchSettings settings, StepRunner runner, StopSignal stop, LongSupplier nanos) {
        this.settings = settings;
        this.runner = runner;
        this.stop = stop;
        this.nanos = nanos;
        this.judge = new StepJudge(settings);
    }

    public SearchOutcome run() {
        started = nanos.getAsLong();
        outcome = search();
        CapacityCurve curve = new CapacityCurve(settings.knob(), settings.unit(),
                settings.slo().stream().map(c -> c.text()).toList(), settings.precisionPct(),
                settings.budget().toMillis() / 1000.0, outcome, passed, failed, Statements.of(settings, outcome,
                        passed, failed, steps), steps);
        return new SearchOutcome(curve, measured, passed == null ? null : measured.get(passed));
    }

    private String search() {
        double load = settings.fit(settings.start());
        // Grow (or, from a first load that failed, shrink) until the bracket has both ends.
        int down = 0;
        while (passed == null || failed == null) {
            String verdict = step(load);
            if (!verdict.isEmpty() && !isVerdict(verdict)) {
                return verdict;
            }
            if (verdict.equals(CapacityStep.PASS)) {
                if (failed != null) {
                    break;
                }
                if (load >= settings.max()) {
                    return CapacityCurve.MAX_PASSED;
                }
                load = settings.fit(load * 2);
            } else {
                double lower = settings.fit(load / 2);
                if (passed != null) {
                    break;
                }
                if (lower >= load || ++down > SearchSettings.MAX_DOWN_STEPS) {
                    return CapacityCurve.NONE_PASSED;
                }
                load = lower;
            }
        }
        while (!settings.precise(passed, failed)) {
            double middle = settings.fit((passed + failed) / 2);
            if (middle <= passed || middle >= failed) {
                break;
            }
            String verdict = step(middle);
            if (!isVerdict(verdict)) {
                return verdict;
            }
        }
        return CapacityCurve.FOUND;
    }

    private static boolean isVerdict(String word) {
        return word.equals(CapacityStep.PASS) || word.equals(CapacityStep.FAIL);
    }

    /** Measures one step and moves the bracket; returns its verdict, or the outcome that ends the search. */
    private String step(double load) {
        if (stop.raised()) {
            return CapacityCurve.STOPPED;
        }
        long now = nanos.getAsLong();
        if (!steps.isEmpty() && now - started + longestStep > settings.budget().toNanos()) {
            return CapacityCurve.BUDGET;
        }
        ProbeMeasurement measurement = runner.measure(load);
        longestStep = Math.max(longestStep, nanos.getAsLong() - now);
        if (stop.raised()) {
            return CapacityCurve.STOPPED;
        }
        CapacityStep step = judge.judge(steps.size() + 1, load, measurement);
        steps.add(step);
        measured.put(load, measurement);
        if (step.verdict().equals(CapacityStep.GENERATOR_LIMIT)) {
            // A machine busy with something else for a moment looks the same as one too slow for the load: only a
            // second shortfall at the same load ends the search.
            boolean again = steps.stream().filter(s -> s.load() == load).count() == 1;
            return again ? step(load) : CapacityCurve.GENERATOR_LIMIT;
        }
        if (step.passed()) {
            passed = passed == null ? load : Math.max(passed, load);
        } else {
            failed = failed == null ? load : Math.min(failed, load);
        }
        return step.verdict();
    }
}
