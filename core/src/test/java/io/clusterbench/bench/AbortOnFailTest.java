package io.clusterbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.control.BenchmarkListener;
import io.clusterbench.control.BenchmarkOptions;
import io.clusterbench.control.StopSignal;
import io.clusterbench.local.FreePorts;
import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.score.Scorer;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import io.clusterbench.testkit.RealServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Objectives marked abortOnFail end a certainly failing load early, with its numbers kept and the reason said. */
@ExtendWith(RealServers.class)
class AbortOnFailTest {

    @Test
    void aFailingSixtySecondLoadStopsWithinItsGracePlusOneSecondAndKeepsWhatItMeasured(@TempDir Path dir)
            throws Exception {
        // nginx in front of an upstream where nothing listens answers every request 502 at once.
        InetSocketAddress dead = new InetSocketAddress("127.0.0.1", FreePorts.loopback());
        try (LocalNginxBalancer nginx = LocalNginxBalancer.start(dir.resolve("nginx"), List.of(dead))) {
            LoadedSpec spec = spec(nginx.url(), "duration: 60s, warmup: 0s",
                    "{ metric: api.error_pct, pass: \"<= 1\", abortOnFail: true, abortGrace: 2s }");
            Path out = dir.resolve("out");

            long started = System.nanoTime();
            RunResult run = benchmark(spec, out);
            double seconds = (System.nanoTime() - started) / 1e9;

            ProbeMeasurement api = run.probes().get(0);
            assertThat(seconds).as("the whole run, start-up and writing included, is far from the 60 s planned")
                    .isLessThan(20);
            assertThat(Duration.between(api.startedAt(), api.endedAt()).toMillis())
                    .as("the probe, from its start, ends within the grace plus 1 s").isBetween(2000L, 3000L);
            assertThat(api.status()).isEqualTo(ProbeStatus.PARTIAL);
            assertThat(api.errors()).anySatisfy(error -> {
                assertThat(error.kind()).isEqualTo(ErrorKind.ABORTED);
                assertThat(error.message()).startsWith("load aborted after ")
                        .contains("api.error_pct was 100 (", "beyond its pass <= 1, at every check for the last 2 s",
                                "abortOnFail of the objective at cluster.yaml:7:5");
            });
            assertThat(api.metrics()).anySatisfy(m -> {
                assertThat(m.name()).isEqualTo("status_502");
                assertThat(m.value()).isPositive();
            });
            RunResult written = ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON));
            assertThat(written.probes().get(0).errors()).extracting(e -> e.kind()).contains(ErrorKind.ABORTED);

            ScoreResult score = Scorer.score(spec.spec(), written, List.of());
            ObjectiveResult objective = score.objectives().get(0);
            assertThat(objective.status()).isEqualTo(ObjectiveStatus.FAIL);
            assertThat(objective.explanation()).contains("api.error_pct = 100", "; load aborted after ");
            // An objective judges the probe's errors, so its PARTIAL numbers count (docs/scoring.md), abort said.
            assertThat(score.objectives().get(1).explanation()).startsWith("api.p99_ms = ")
                    .contains("; load aborted after ", "api.error_pct was 100");
        }
    }

    @Test
    void aCountedLoadAbortsAsSoonAsItsErrorShareCanNoLongerPass(@TempDir Path dir) throws Exception {
        InetSocketAddress dead = new InetSocketAddress("127.0.0.1", FreePorts.loopback());
        try (LocalNginxBalancer nginx = LocalNginxBalancer.start(dir.resolve("nginx"), List.of(dead))) {
            // 10% of 1,000,000 requests may fail: the 100,001st error settles it, long before the grace of 1 min.
            LoadedSpec spec = spec(nginx.url(), "requests: 1000000, warmup: 0s",
                    "{ metric: api.error_pct, pass: \"<= 0.01\", abortOnFail: true, abortGrace: 60s }");

            RunResult run = benchmark(spec, dir.resolve("out"));

            ProbeMeasurement api = run.probes().get(0);
            assertThat(Duration.between(api.startedAt(), api.endedAt())).isLessThan(Duration.ofSeconds(20));
            assertThat(api.errors()).anySatisfy(error -> {
                assertThat(error.kind()).isEqualTo(ErrorKind.ABORTED);
                assertThat(error.message()).contains("can no longer meet its pass <= 0.01",
                        "of 1000000 planned requests", "even if every other request succeeds");
            });
        }
    }

    @Test
    void aLoadThatMeetsTheObjectiveRunsToItsEnd(LocalNginxBalancer nginx, @TempDir Path dir) throws Exception {
        LoadedSpec spec = spec(nginx.url(), "duration: 1s, warmup: 0s",
                "{ metric: api.error_pct, pass: \"<= 1\", abortOnFail: true, abortGrace: 200ms }");

        RunResult run = benchmark(spec, dir);

        ProbeMeasurement api = run.probes().get(0);
        assertThat(api.status()).isEqualTo(ProbeStatus.OK);
        assertThat(api.errors()).isEmpty();
        assertThat(Duration.between(api.startedAt(), api.endedAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    private static LoadedSpec spec(String url, String load, String objective) throws Exception {
        String yaml = """
                cluster: local
                services:
                  web: { type: http, url: "%s/" }
                probes:
                  api: { service: web, concurrency: 2, %s }
                objectives:
                  - %s
                  - { metric: api.p99_ms, pass: "<= 1000" }
                """.formatted(url, load, objective);
        return SpecLoader.load("cluster.yaml", yaml);
    }

    private static RunResult benchmark(LoadedSpec spec, Path out) throws Exception {
        return new Benchmark(ProbeRegistry.standard(), SecretResolver.system(), Clock.systemUTC())
                .run(spec, "cluster.yaml", BenchmarkOptions.into(out), BenchmarkListener.SILENT, new StopSignal());
    }
}
