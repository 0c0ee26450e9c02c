package io.clusterbench.capacity;

import io.clusterbench.bench.Benchmark;
import io.clusterbench.bench.ProbeRegistry;
import io.clusterbench.control.BenchmarkListener;
import io.clusterbench.control.BenchmarkOptions;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.CapacityCurve;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.DefaultSecretResolver;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Runs a spec's probes as {@code benchmark} does and reads what a capacity search wrote. */
final class CapacityRuns {
    static final SecretResolver NO_SECRETS = new DefaultSecretResolver(Map.<String, String>of()::get);

    private CapacityRuns() {
    }

    static RunResult benchmark(String yaml, Path out) throws Exception {
        LoadedSpec spec = SpecLoader.load("cluster.yaml", yaml, Path.of("."), NO_SECRETS);
        return new Benchmark(ProbeRegistry.standard(), NO_SECRETS, Clock.systemUTC()).run(spec, "cluster.yaml",
                BenchmarkOptions.into(out), BenchmarkListener.SILENT, new StopSignal());
    }

    static ProbeMeasurement probe(RunResult result, String id) {
        return result.probes().stream().filter(p -> p.probe().equals(id)).findFirst().orElseThrow();
    }

    static CapacityCurve curve(RunResult result, String id) {
        CapacityCurve curve = probe(result, id).capacity();
        if (curve == null) {
            throw new AssertionError("probe " + id + " wrote no capacity curve: " + probe(result, id));
        }
        return curve;
    }

    static Optional<Double> metric(ProbeMeasurement m, String name) {
        return m.metrics().stream().filter(v -> v.name().equals(name)).map(MetricValue::value).findFirst();
    }
}
