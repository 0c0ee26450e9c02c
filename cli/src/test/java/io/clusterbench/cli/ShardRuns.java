package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: a small http spec against one URL and in-process shard runs of it, for the shard and merge tests. */
final class ShardRuns {

    private ShardRuns() {
    }

    /** A spec with one closed-model http probe {@code lb} of {@code requests} requests over 2 connections per shard. */
    static Path spec(Path dir, String url, int requests) throws Exception {
        return Files.writeString(dir.resolve("cluster.yaml"), """
                cluster: shard-test
                services:
                  web: { type: http, url: "%s" }
                probes:
                  lb: { service: web, concurrency: 4, requests: %d, warmup: 0s }
                """.formatted(url, requests));
    }

    /** Runs shard {@code i/n} of run {@code runId} into {@code dir/shardI} and returns that result.json. */
    static Path shard(Path spec, Path dir, int i, int n, String runId, String... more) {
        Path out = dir.resolve("shard" + i);
        List<String> args = new ArrayList<>(List.of("benchmark", spec.toString(), "--out", out.toString(),
                "--shard", i + "/" + n, "--run-id", runId));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        return out.resolve(ResultFiles.RESULT_JSON);
    }

    /** The value of the first probe's metric {@code name}. */
    static double metric(RunResult result, String name) {
        return result.probes().get(0).metrics().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name + " in " + result.runId())).value();
    }
}
