package io.clusterbench.capacity;

import io.clusterbench.result.CapacityCurve;
import io.clusterbench.result.CapacityStep;
import io.clusterbench.result.Numbers;
import java.util.List;

/** The one sentence that concludes a search, with its confidence: what passed in all its rounds, and what failed. */
final class Statements {

    private Statements() {
    }

    static String of(SearchSettings s, String outcome, Double passed, Double failed, List<CapacityStep> steps) {
        String bracket = bracket(s, passed, failed, steps);
        return switch (outcome) {
            case CapacityCurve.FOUND -> "capacity " + load(s, passed) + ": " + bracket + "; known to "
                    + Numbers.estimate(100 * (failed - passed) / passed) + "% (asked: " + Numbers.estimate(
                            s.precisionPct()) + "%)";
            case CapacityCurve.GENERATOR_LIMIT -> generatorLimit(s, passed, steps.get(steps.size() - 1));
            case CapacityCurve.BUDGET -> "not found within the budget of " + Numbers.estimate(s.budget().toMillis()
                    / 1000.0) + " s: " + bracket + "; raise capacityBudget or capacityPrecision";
            case CapacityCurve.NONE_PASSED -> "no load met the SLO: " + bracket;
            case CapacityCurve.MAX_PASSED -> "capacity at least " + load(s, passed) + ", the highest load allowed"
                    + " (capacityMax): " + bracket;
            default -> "stopped during the search: " + bracket;
        };
    }

    private static String bracket(SearchSettings s, Double passed, Double failed, List<CapacityStep> steps) {
        String high = passed == null ? "no load passed" : load(s, passed) + " passed in all its "
                + roundsOf(steps, passed) + " round" + (roundsOf(steps, passed) == 1 ? "" : "s");
        String low = failed == null ? "no load failed" : load(s, failed) + " failed ("
                + String.join(", ", stepAt(steps, failed).failed()) + ")";
        return high + ", " + low;
    }

    private static String generatorLimit(SearchSettings s, Double passed, CapacityStep last) {
        String upTo = passed == null ? "" : "; the server met the SLO up to " + load(s, passed);
        return ClientBound.limiting(last.load(), last.metrics(), s.slo())
                .map(bound -> "generator limit, not the server's capacity: at " + load(s, last.load()) + " the"
                        + " clients could not carry the load (" + bound.text(s.unit()) + ")" + upTo + "; raise clients")
                .orElseGet(() -> "generator limit, not the server's capacity: at " + load(s, last.load())
                        + " the generator could not offer the load (" + why(s, last) + ")" + upTo
                        + "; run the generator on more cores or more machines");
    }

    private static String why(SearchSettings s, CapacityStep step) {
        Double achieved = s.achieved().map(step.metrics()::get).orElse(null);
        Double late = step.metrics().get("generator_late");
        return (achieved == null ? "" : "it sent " + Numbers.estimate(achieved) + " " + s.unit())
                + (achieved != null && late != null ? ", " : "")
                + (late == null ? "" : Numbers.estimate(late) + (s.unit().startsWith("ops") ? " commands" : " requests")
                        + " started late with a connection free");
    }

    static String load(SearchSettings s, double load) {
        return Numbers.estimate(load) + " " + s.unit() + " (" + s.knob() + ")";
    }

    private static int roundsOf(List<CapacityStep> steps, double load) {
        return stepAt(steps, load).rounds();
    }

    private static CapacityStep stepAt(List<CapacityStep> steps, double load) {
        return steps.stream().filter(st -> st.load() == load).reduce((a, b) -> b).orElseThrow();
    }
}
