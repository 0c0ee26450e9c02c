package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.result.LatencyHistogram;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ShardMark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributed run end to end: three clusterbench processes, each in a network namespace of its own (so each
 * sends from its own source address, as from three machines), load one nginx as the shards of one run, started
 * together by a coordinator, and their merge is exact.
 */
class ShardsFromNetworkNamespacesTest {
    private static final int SHARDS = 3;
    private static final String RUN_ID = "netns-run";
    private static final Pattern SERVING = Pattern.compile(":(\\d+); start every shard with .* --start-at (\\S+)");

    @Test
    void threeShardsFromSeparateAddressesMergeIntoTheExactHistogramOfAllTheirLatencies(@TempDir Path dir)
            throws Exception {
        try (NetworkNamespaces namespaces = NetworkNamespaces.create(SHARDS);
                LocalNginxBalancer nginx = LocalNginxBalancer.start(dir.resolve("nginx"), "0.0.0.0");
                // JVMs start slowly on a loaded machine: 25 s leaves each shard time to reach the common start.
                CliProcess coordinator = CliProcess.start("coordinate", "--port", "0", "--bind",
                        NetworkNamespaces.SERVICE_ADDRESS, "--start-in", "25")) {
            assertThat(coordinator.awaitLine(line -> SERVING.matcher(line).find())).as(coordinator.printed())
                    .isTrue();
            Matcher serving = SERVING.matcher(coordinator.printed());
            assertThat(serving.find()).isTrue();
            Path spec = ShardRuns.spec(dir, "http://" + NetworkNamespaces.SERVICE_ADDRESS + ":" + nginx.port()
                    + "/health", 3000);

            List<Path> results = runShards(namespaces, spec, dir, serving.group(2),
                    NetworkNamespaces.SERVICE_ADDRESS + ":" + serving.group(1));
            Path mergedDir = dir.resolve("merged");
            CliRun merge = CliRun.of("merge", results.get(0).toString(), results.get(1).toString(),
                    results.get(2).toString(), "--out", mergedDir.toString(), "--spec", spec.toString());

            assertThat(merge.exitCode()).as(merge.out() + merge.err()).isEqualTo(ExitCodes.OK);
            RunResult merged = ResultFiles.read(mergedDir.resolve(ResultFiles.RESULT_JSON));
            Histogram all = null;
            long sumOfCounts = 0;
            String accessLog = Files.readString(nginx.accessLog());
            for (int i = 1; i <= SHARDS; i++) {
                RunResult shard = ResultFiles.read(results.get(i - 1));
                LatencyHistogram latencies = shard.probes().get(0).latencies().get(0);
                sumOfCounts += latencies.count();
                // Added here independently of the merge: one histogram of every shard's recorded latencies.
                if (all == null) {
                    all = latencies.histogram().copy();
                } else {
                    all.add(latencies.histogram());
                }
                assertThat(shard.shard().clock()).as("shard %d read the coordinator's clock", i).isNotNull();
                assertThat(requestsFrom(accessLog, NetworkNamespaces.sourceAddress(i)))
                        .as("requests nginx logged from shard %d's address", i)
                        .isEqualTo((long) ShardRuns.metric(shard, "requests"));
            }
            LatencyHistogram request = merged.probes().get(0).latencies().get(0);
            Histogram exact = request.histogram();
            assertThat(request.count()).isEqualTo(sumOfCounts).isEqualTo(all.getTotalCount()).isEqualTo(3000);
            assertThat(exact.getValueAtPercentile(50)).isEqualTo(all.getValueAtPercentile(50));
            assertThat(exact.getValueAtPercentile(99)).isEqualTo(all.getValueAtPercentile(99));
            assertThat(exact.getMaxValue()).isEqualTo(all.getMaxValue());
            assertThat(ShardRuns.metric(merged, "p99_ms")).isEqualTo(all.getValueAtPercentile(99) / 1000.0);
            assertThat(merged.runId()).isEqualTo(RUN_ID);
            assertThat(merged.shards()).extracting(ShardMark::label).containsExactly("1/3", "2/3", "3/3");
        }
    }

    /** Starts every shard in its namespace at once and waits for all; returns their result.json files in order. */
    private static List<Path> runShards(NetworkNamespaces namespaces, Path spec, Path dir, String startAt,
            String coordinator) throws Exception {
        List<CliProcess> shards = new ArrayList<>();
        List<Path> results = new ArrayList<>();
        try {
            for (int i = 1; i <= SHARDS; i++) {
                Path out = dir.resolve("shard" + i);
                results.add(out.resolve(ResultFiles.RESULT_JSON));
                shards.add(CliProcess.start(namespaces.inside(i, CliRun.javaCommand("benchmark", spec.toString(),
                        "--out", out.toString(), "--shard", i + "/" + SHARDS, "--run-id", RUN_ID, "--start-at",
                        startAt, "--coordinator", coordinator))));
            }
            for (CliProcess shard : shards) {
                assertThat(shard.awaitExit(120)).as(shard.printed()).isEqualTo(ExitCodes.OK);
            }
            return results;
        } finally {
            shards.forEach(CliProcess::close);
        }
    }

    private static long requestsFrom(String accessLog, String address) {
        return accessLog.lines().filter(line -> line.startsWith(address + " - - [")).count();
    }
}
