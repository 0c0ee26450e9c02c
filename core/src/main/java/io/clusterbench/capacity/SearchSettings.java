package io.clusterbench.capacity;

import io.clusterbench.spec.CapacityParameters;
import io.clusterbench.spec.LoadParameters;
import io.clusterbench.spec.Parameter;
import io.clusterbench.spec.ParameterType;
import io.clusterbench.spec.ProbeSpec;
import io.clusterbench.spec.SloCondition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How one capacity search runs, read from its probe's parameters.
 *
 * @param knob the parameter varied, such as {@code rate}
 * @param unit the knob's unit, such as {@code req/s}
 * @param whole whether the knob takes whole numbers (connections, clients): loads are rounded and bisection stops
 *     at neighbours
 * @param start the first load, the knob's value as written
 * @param min the lowest load the knob allows, where a search going down from a failed first load stops
 * @param max the highest load tried
 * @param slo the conditions each round of a step must meet
 * @param precisionPct bisect until the lowest failed load is within this many percent above the highest passed
 * @param budget the longest the whole search may take
 * @param rounds rounds per step
 * @param achieved the metric that says how much load the generator really offered, for rate knobs
 * @param throughputs the kind's capacity metrics and the step metric each is read from
 */
public record SearchSettings(String knob, String unit, boolean whole, double start, double min, double max,
        List<SloCondition> slo, double precisionPct, Duration budget, int rounds, Optional<String> achieved,
        java.util.Map<String, String> throughputs) {

    /** Below this fraction of the offered load, the generator did not offer what the step claims. */
    public static final double ACHIEVED_FLOOR = 0.9;
    /** Steps tried going down from a first load that failed, before the search gives up. */
    static final int MAX_DOWN_STEPS = 8;

    public SearchSettings {
        slo = List.copyOf(slo);
        throughputs = java.util.Map.copyOf(throughputs);
    }

    /** The settings of a probe with {@code capacity:}; empty for a probe that does not search. */
    public static Optional<SearchSettings> of(ProbeSpec probe) {
        Optional<String> knob = CapacityParameters.knob(probe);
        if (knob.isEmpty()) {
            return Optional.empty();
        }
        Parameter<?> parameter = probe.kind().descriptor().parameters().parameter(knob.get()).orElseThrow();
        boolean whole = parameter.type() instanceof ParameterType.Whole;
        double min = whole ? ((ParameterType.Whole) parameter.type()).min() : 0;
        double limit = whole ? ((ParameterType.Whole) parameter.type()).max()
                : ((ParameterType.Real) parameter.type()).range().max();
        double start = probe.parameters().optionalDouble(knob.get()).orElseThrow();
        double max = CapacityParameters.MAX.optionalIn(probe.parameters()).map(m -> Math.min(m, limit)).orElse(limit);
        return Optional.of(new SearchSettings(knob.get(), parameter.unit(), whole, start, Math.max(min, whole ? 1 : 0),
                max, CapacityParameters.slo(probe.parameters()),
                CapacityParameters.PRECISION.in(probe.parameters()), CapacityParameters.BUDGET.in(probe.parameters()),
                LoadParameters.ROUNDS.in(probe.parameters()).intValue(),
                CapacityParameters.achieved(probe.kind(), knob.get()), CapacityParameters.throughputs(probe.kind())));
    }

    /** {@code load} as the knob takes it: rounded for whole knobs, within min and max. */
    double fit(double load) {
        double fitted = whole ? Math.round(load) : load;
        return Math.max(min, Math.min(max, fitted));
    }

    /** Whether passed and failed are close enough to stop bisecting. */
    boolean precise(double passed, double failed) {
        return (failed - passed) <= passed * precisionPct / 100 || (whole && failed - passed <= 1);
    }
}
