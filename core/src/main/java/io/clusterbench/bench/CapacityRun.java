package io.clusterbench.bench;

import io.clusterbench.capacity.CapacityMeasurement;
import io.clusterbench.capacity.CapacitySearch;
import io.clusterbench.capacity.SearchSettings;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.spec.CapacityParameters;
import io.clusterbench.spec.Parameters;
import io.clusterbench.spec.ProbeSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a probe with {@code capacity:} as a search: each step is the probe itself with its knob set to the step's
 * load, measured in the probe's {@code rounds} (each a whole run, warm-up included) and merged by
 * {@link RoundMerge}, the same rounds machinery as a plain benchmark's.
 */
final class CapacityRun {

    private final ProbeSpec probe;
    private final SearchSettings settings;
    private final Function<ProbeSpec, ProbeMeasurement> runOnce;
    private final StopSignal stop;
    private final Clock clock;

    CapacityRun(ProbeSpec probe, SearchSettings settings, Function<ProbeSpec, ProbeMeasurement> runOnce,
            StopSignal stop, Clock clock) {
        this.probe = probe;
        this.settings = settings;
        this.runOnce = runOnce;
        this.stop = stop;
        this.clock = clock;
    }

    ProbeMeasurement run() {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        CapacitySearch.SearchOutcome found = new CapacitySearch(settings, this::measure, stop, System::nanoTime)
                .run();
        return CapacityMeasurement.of(probe.id(), probe.kind().word(), settings, found, started, clock.instant(),
                (System.nanoTime() - startNanos) / 1e9);
    }

    private ProbeMeasurement measure(double load) {
        ProbeSpec step = atLoad(load);
        List<ProbeMeasurement> rounds = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        do {
            rounds.add(runOnce.apply(step));
            indices.add(rounds.size());
        } while (rounds.size() < settings.rounds() && !stop.raised());
        return RoundMerge.merge(rounds, indices, Collections.nCopies(rounds.size(), ""));
    }

    /** The probe with its knob at {@code load} and without the search's own parameters: one plain load. */
    ProbeSpec atLoad(double load) {
        Map<String, Object> values = new LinkedHashMap<>(probe.parameters().asMap());
        values.put(settings.knob(), settings.whole() ? (Object) Math.round(load) : (Object) load);
        values.remove("capacity");
        List.of(CapacityParameters.SLO, CapacityParameters.PRECISION, CapacityParameters.BUDGET,
                CapacityParameters.MAX).forEach(p -> values.remove(p.name()));
        return new ProbeSpec(probe.id(), probe.kind(), probe.service(), probe.hosts(), new Parameters(values),
                probe.location());
    }
}
