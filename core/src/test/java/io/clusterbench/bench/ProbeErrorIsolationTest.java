package io.clusterbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.control.BenchmarkListener;
import io.clusterbench.control.BenchmarkOptions;
import io.clusterbench.control.StopSignal;
import io.clusterbench.probe.Probe;
import io.clusterbench.probe.ProbeContext;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.ProbeKind;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A probe that runs out of stack or memory fails alone: the other probes keep their numbers and result.json is
 * written (a StackOverflowError used to escape as "a probe group failed outside its probes", exit 70, no result).
 */
class ProbeErrorIsolationTest {

    @Test
    void aStackOverflowInOneProbeFailsThatProbeOnlyAndTheResultIsWritten(@TempDir Path out) throws Exception {
        RunResult result = run(out, context -> {
            throw new StackOverflowError();
        });

        assertThat(result.probes()).extracting(ProbeMeasurement::status)
                .containsExactly(ProbeStatus.FAILED, ProbeStatus.OK);
        assertThat(result.probes().get(0).errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.INTERNAL);
            assertThat(error.message()).contains("ran out of stack (StackOverflowError)").contains("service a");
        });
        assertThat(ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON)).probes()).hasSize(2);
    }

    @Test
    void anOutOfMemoryErrorInOneProbeFailsThatProbeOnlyAndTheResultIsWritten(@TempDir Path out) throws Exception {
        RunResult result = run(out, context -> {
            throw new OutOfMemoryError("Java heap space");
        });

        assertThat(result.probes()).extracting(ProbeMeasurement::status)
                .containsExactly(ProbeStatus.FAILED, ProbeStatus.OK);
        assertThat(result.probes().get(0).errors().get(0).message()).contains("ran out of memory (OutOfMemoryError)");
        assertThat(ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON)).probes()).hasSize(2);
    }

    private static RunResult run(Path out, Probe failing) throws Exception {
        Probe probe = context -> context.probe().id().equals("broken") ? failing.run(context)
                : context.measure("scripted://fine").metric("operations", 1, "count").finish();
        return new Benchmark(ProbeRegistry.of(Map.of(ProbeKind.HTTP, probe)), SecretResolver.system(),
                Clock.systemUTC()).run(SpecLoader.load("cluster.yaml", """
                        cluster: runner
                        services:
                          a: { type: http, url: "http://127.0.0.1:1/a" }
                          b: { type: http, url: "http://127.0.0.1:1/b" }
                        probes:
                          broken: { service: a, concurrency: 1 }
                          fine:   { service: b, concurrency: 1 }
                        """), "cluster.yaml", BenchmarkOptions.into(out), BenchmarkListener.SILENT, new StopSignal());
    }
}
