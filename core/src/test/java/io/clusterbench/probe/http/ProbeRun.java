package io.clusterbench.probe.http;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.probe.ProbeContext;
import io.clusterbench.control.ProbeProgress;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.DefaultSecretResolver;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.testkit.DescribedMetrics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Runs the http probe the way a benchmark run does: from spec text, with its own progress and stop signal. */
final class ProbeRun {
    static final SecretResolver NO_SECRETS = new DefaultSecretResolver(Map.<String, String>of()::get);

    final ProbeProgress progress = new ProbeProgress("load");
    final StopSignal stop = new StopSignal();
    private final ProbeContext context;

    /**
     * A run of probe {@code load} on service {@code web} at {@code url}.
     *
     * @param parameters the probe's parameters as YAML flow-map entries, such as {@code "concurrency: 2, requests: 10"}
     */
    ProbeRun(String url, String parameters) throws Exception {
        this(spec("url: \"" + url + "\"", parameters));
    }

    private ProbeRun(ClusterSpec spec) {
        context = new ProbeContext(spec, spec.probes().get("load"), NO_SECRETS,
                host -> {
                    throw new ClusterBenchException(ClusterBenchException.Kind.CONNECTION, "no SSH in this test");
                },
                progress, stop, Clock.systemUTC());
    }

    /** The spec of service {@code web} with the given entries besides its type, and probe {@code load} of it. */
    private static ClusterSpec spec(String serviceEntries, String parameters) throws Exception {
        String yaml = """
                cluster: local
                services:
                  web: { type: http, %s }
                probes:
                  load: { service: web, %s }
                """.formatted(serviceEntries, parameters);
        return SpecLoader.load("cluster.yaml", yaml, Path.of("."), NO_SECRETS).spec();
    }

    /**
     * A run with {@code warmup: 0s}, for tests of the load's mechanics, whose timings (a stall planted at a moment,
     * a stop after some requests) assume the measured part starts at once.
     */
    static ProbeRun cold(String url, String parameters) throws Exception {
        return new ProbeRun(url, "warmup: 0s, " + parameters);
    }

    /** A run with {@code warmup: 0s} against an https url whose service trusts the CAs in {@code caFile}. */
    static ProbeRun coldTrusting(Path caFile, String url, String parameters) throws Exception {
        return new ProbeRun(spec("url: \"" + url + "\", caFile: \"" + caFile + "\"", "warmup: 0s, " + parameters));
    }

    ProbeMeasurement run() {
        return run(new HttpProbe());
    }

    ProbeMeasurement run(HttpProbe probe) {
        return DescribedMetrics.checked(context.probe(), probe.run(context));
    }

    static Optional<Double> metric(ProbeMeasurement measurement, String name) {
        return measurement.metrics().stream().filter(m -> m.name().equals(name)).map(MetricValue::value).findFirst();
    }

    static double value(ProbeMeasurement measurement, String name) {
        return metric(measurement, name).orElseThrow(
                () -> new AssertionError("no metric " + name + " in " + measurement.metrics()));
    }

    static long errorCount(ProbeMeasurement measurement, ErrorKind kind) {
        return measurement.errors().stream().filter(e -> e.kind() == kind).mapToLong(ProbeError::count).sum();
    }
}
