package io.clusterbench.capacity;

import io.clusterbench.result.CapacityCurve;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The measurement a searching probe returns: the metrics, latencies, errors and rounds of the highest load that
 * passed (so {@code lb.p99_ms} is the p99 at capacity), the capacity metrics beside them, and the whole curve.
 */
public final class CapacityMeasurement {

    private CapacityMeasurement() {
    }

    /**
     * The measurement of probe {@code probe} (kind {@code kind}) from what the search found.
     *
     * @param startedAt when the search started
     * @param endedAt when it ended
     * @param searchSeconds how long it took
     */
    public static ProbeMeasurement of(String probe, String kind, SearchSettings settings,
            CapacitySearch.SearchOutcome found, Instant startedAt, Instant endedAt, double searchSeconds) {
        CapacityCurve curve = found.curve();
        ProbeMeasurement best = found.best();
        ProbeMeasurement any = best != null ? best
                : found.measured().values().stream().reduce((a, b) -> b).orElse(null);
        List<MetricValue> metrics = new ArrayList<>(best == null ? List.of() : best.metrics());
        boolean capacityKnown = curve.outcome().equals(CapacityCurve.FOUND)
                || curve.outcome().equals(CapacityCurve.MAX_PASSED);
        if (capacityKnown) {
            metrics.add(MetricValue.of("capacity_load", curve.passed(), settings.unit()));
            for (Map.Entry<String, String> e : settings.throughputs().entrySet()) {
                StepJudge.value(best.metrics(), e.getValue()).ifPresent(v -> metrics.add(MetricValue.of(e.getKey(),
                        v, unit(best, e.getValue()))));
            }
        }
        if (curve.failed() != null) {
            metrics.add(MetricValue.of("capacity_failed_load", curve.failed(), settings.unit()));
        }
        if (curve.outcome().equals(CapacityCurve.GENERATOR_LIMIT)) {
            metrics.add(MetricValue.of("generator_limit_load", curve.steps().get(curve.steps().size() - 1).load(),
                    settings.unit()));
        }
        metrics.add(MetricValue.of("capacity_steps", curve.steps().size(), "count"));
        metrics.add(MetricValue.of("capacity_search_s", searchSeconds, "s"));
        List<ProbeError> errors = new ArrayList<>(best == null ? List.of() : best.errors());
        if (!capacityKnown) {
            errors.add(new ProbeError(curve.outcome().equals(CapacityCurve.STOPPED) ? ErrorKind.STOPPED
                    : ErrorKind.NODATA, "capacity search: " + curve.statement(), 1, endedAt));
        }
        // A found capacity is a finished number even when its step had errors: the SLO judged them and let them pass.
        ProbeStatus status = any == null ? ProbeStatus.FAILED : capacityKnown ? ProbeStatus.OK : ProbeStatus.PARTIAL;
        String target = any == null ? "-" : any.target();
        return new ProbeMeasurement(probe, kind, target, status, startedAt, endedAt, metrics,
                best == null ? List.of() : best.latencies(), errors, best == null ? List.of() : best.rounds(), null,
                null, curve);
    }

    private static String unit(ProbeMeasurement m, String metric) {
        return m.metrics().stream().filter(v -> v.name().equals(metric)).map(MetricValue::unit).findFirst()
                .orElse("");
    }
}
