package io.clusterbench.probe.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.probe.ProbeContext;
import io.clusterbench.control.ProbeProgress;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.LatencyHistogram;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ToolInfo;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.DefaultSecretResolver;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.testkit.DescribedMetrics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Runs the openai probe of a one-service spec against a fresh {@link OpenAiFixture} per test. */
abstract class OpenAiProbeRuns {
    @TempDir
    Path folder;

    OpenAiFixture fixture;
    final StopSignal stop = new StopSignal();
    ProbeProgress progress;

    @BeforeEach
    void startFixture() throws Exception {
        fixture = OpenAiFixture.start();
    }

    @AfterEach
    void stopFixture() {
        fixture.close();
    }

    /** Runs probe {@code serving} with these parameters (YAML flow-mapping entries) against the fixture. */
    ProbeMeasurement run(String parameters) throws ClusterBenchException {
        return run(fixture.url(), parameters, Map.of());
    }

    /**
     * Runs against {@code url}; an {@code LLM_KEY} in the environment becomes the service's apiKey. Without a
     * {@code warmupRequests} in {@code parameters} the run has none, because these tests script the fixture's
     * answers by request number and count the requests it received.
     */
    ProbeMeasurement run(String url, String parameters, Map<String, String> environment)
            throws ClusterBenchException {
        return runAsWritten(url, parameters.contains("warmupRequests") ? parameters
                : "warmupRequests: 0, " + parameters, environment);
    }

    /** Runs with exactly {@code parameters}, the probe's defaults included. */
    ProbeMeasurement runAsWritten(String url, String parameters, Map<String, String> environment)
            throws ClusterBenchException {
        String apiKey = environment.containsKey("LLM_KEY") ? ", apiKey: \"${env:LLM_KEY}\"" : "";
        String yaml = """
                cluster: local
                services:
                  llm: { type: openai, url: "%s", model: %s%s }
                probes:
                  serving: { service: llm, %s }
                """.formatted(url, OpenAiFixture.MODEL, apiKey, parameters);
        SecretResolver secrets = new DefaultSecretResolver(environment::get);
        ClusterSpec spec = SpecLoader.load("cluster.yaml", yaml, folder, secrets).spec();
        progress = new ProbeProgress("serving");
        ProbeContext context = new ProbeContext(spec, spec.probes().get("serving"), secrets,
                host -> {
                    throw new ClusterBenchException(ClusterBenchException.Kind.CONNECTION, "no SSH in this test");
                },
                progress, stop, Clock.systemUTC());
        return DescribedMetrics.checked(context.probe(), new OpenAiProbe().run(context));
    }

    static double metric(ProbeMeasurement measurement, String name) {
        Optional<MetricValue> found = measurement.metrics().stream().filter(m -> m.name().equals(name)).findFirst();
        assertThat(found).as("metric %s in %s (errors %s)", name,
                measurement.metrics().stream().map(MetricValue::name).toList(), measurement.errors()).isPresent();
        return found.get().value();
    }

    static LatencyHistogram histogram(ProbeMeasurement measurement, String name) {
        return measurement.latencies().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    static RunResult result(ProbeMeasurement... measurements) {
        ProbeMeasurement first = measurements[0];
        return new RunResult(RunResult.SCHEMA_VERSION, "20261129T140000Z-1a2b", "local", "cluster.yaml",
                "0".repeat(64), new ToolInfo("clusterbench", "0.1.0", "17", "test", "Linux amd64"),
                first.startedAt(), first.endedAt(), List.of(), List.of(measurements));
    }
}
