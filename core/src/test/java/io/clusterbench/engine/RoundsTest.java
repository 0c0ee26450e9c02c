package io.clusterbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.control.BenchmarkListener;
import io.clusterbench.control.BenchmarkOptions;
import io.clusterbench.control.StopSignal;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeRound;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.testkit.RealServers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A probe with {@code rounds:} against a real Redis: every round kept, the merge exact, the workload named. */
@ExtendWith(RealServers.class)
class RoundsTest {

    @Test
    void aProbeWithRoundsKeepsEachRoundAndMergesThemExactly(LocalRedis redis, @TempDir Path out) throws Exception {
        LoadedSpec spec = SpecLoader.load("cluster.yaml", """
                cluster: rounds
                services:
                  cache: { type: redis, address: 127.0.0.1, port: %d }
                probes:
                  load: { service: cache, clients: 2, requests: 400, warmup: 0s, rounds: 3, commands: [get] }
                """.formatted(redis.port()));

        RunResult result = ClusterBench.standard().benchmark(spec, "cluster.yaml", BenchmarkOptions.into(out),
                BenchmarkListener.SILENT, new StopSignal());

        ProbeMeasurement load = result.probes().get(0);
        assertThat(load.rounds()).extracting(ProbeRound::index).containsExactly(1, 2, 3);
        assertThat(load.rounds()).allSatisfy(r -> {
            assertThat(r.condition()).isEmpty();
            assertThat(r.metric("ops").orElseThrow().value()).isEqualTo(400);
            assertThat(r.metric("p99_ms")).isPresent();
            assertThat(r.endedAt()).isAfterOrEqualTo(r.startedAt());
        });
        assertThat(load.rounds().get(1).startedAt()).isAfterOrEqualTo(load.rounds().get(0).endedAt());
        assertThat(metric(load, "ops")).isEqualTo(1200);
        assertThat(load.latencies()).filteredOn(h -> h.name().equals("all"))
                .singleElement().satisfies(h -> assertThat(h.count()).isEqualTo(1200));
        assertThat(load.workload()).hasSize(64);
        // What result.json holds reads back the same.
        RunResult written = ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON));
        assertThat(written.probes().get(0).rounds()).hasSize(3);
        assertThat(written.probes().get(0).workload()).isEqualTo(load.workload());
    }

    private static double metric(ProbeMeasurement measurement, String name) {
        return measurement.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow().value();
    }
}
