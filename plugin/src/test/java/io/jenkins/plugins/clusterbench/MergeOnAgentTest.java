package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.model.TaskListener;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.result.LatencyHistogram;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ShardMark;
import io.clusterbench.testkit.RealServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mergeResults}' work on the agent ({@link MergeOnAgent}) on real shard results: the shards of the ITest's
 * sharded spec, each measured by what {@code benchmarkCluster(shard:, runId:)} runs on its agent
 * ({@link BenchmarkOnAgent}) against the test kit's nginx, in one workspace as the unstash steps leave them. What
 * needs Jenkins (the steps, stash, the clock read over remoting) runs in {@code ShardsOnAgentsITest}.
 */
@ExtendWith(RealServers.class)
class MergeOnAgentTest {
    private static final String SPEC = "cluster.yaml";
    private static final String RUN_ID = "unit-run";
    private static final double MAX_CLOCK_OFFSET_MS = MergeResultsStep.DEFAULT_MAX_CLOCK_OFFSET_MS;
    /** A clock reading past the default bound, as the controller would have recorded for a badly synced agent. */
    private static final ShardRequest.ClockReading SKEWED =
            new ShardRequest.ClockReading("Jenkins controller", 80.0, 0.4, 1_780_000_000_000L);

    @TempDir
    static Path workspace;
    private static BenchmarkOutcome first;
    private static BenchmarkOutcome second;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final TaskListener listener = new ConsoleOnly(new PrintStream(log, true, StandardCharsets.UTF_8));

    /** The build's console, and nothing else a callable on the agent uses of a listener. */
    private record ConsoleOnly(PrintStream logger) implements TaskListener {
        @Override
        public PrintStream getLogger() {
            return logger;
        }
    }

    /** Shards 1/2 and 2/2 of run unit-run, and a shard 2/2 whose agent's clock was 80 ms off, measured once. */
    @BeforeAll
    static void runTheShards(LocalNginxBalancer nginx) throws Exception {
        Files.writeString(workspace.resolve(SPEC), ITestCluster.shardedSpec(nginx.url()));
        first = shard("shard1", new ShardRequest("1/2", RUN_ID, null, null));
        second = shard("shard2", new ShardRequest("2/2", RUN_ID, null, null));
        shard("skewed2", new ShardRequest("2/2", RUN_ID, null, SKEWED));
    }

    @Test
    void mergesTheShardsIntoOneScoredRunAndSaysWhatItMerged() throws Exception {
        BenchmarkOutcome merged = merge(List.of("shard1", "shard2/result.json"), "merged", MAX_CLOCK_OFFSET_MS);

        assertThat(merged.runId()).isEqualTo(RUN_ID);
        assertThat(merged.verdict()).isEqualTo("PASS");
        assertThat(merged.score()).isEqualTo(100.0);
        assertThat(merged.resultPath()).isEqualTo("merged/result.json");
        assertThat(merged.metrics().get("lb.requests")).isEqualTo(ITestCluster.SHARDED_REQUESTS)
                .isEqualTo(first.metrics().get("lb.requests") + second.metrics().get("lb.requests"));
        assertThat(first.metrics().get("lb.requests")).as("each shard sent its half").isEqualTo(200.0);

        RunResult result = ResultFiles.read(workspace.resolve("merged").resolve(ResultFiles.RESULT_JSON));
        RunResult one = ResultFiles.read(workspace.resolve("shard1").resolve(ResultFiles.RESULT_JSON));
        RunResult two = ResultFiles.read(workspace.resolve("shard2").resolve(ResultFiles.RESULT_JSON));
        assertThat(result.shards()).extracting(ShardMark::label).containsExactly("1/2", "2/2");
        assertThat(result.shard()).as("the merged run is no shard").isNull();
        assertThat(requestLatencies(result).count())
                .isEqualTo(requestLatencies(one).count() + requestLatencies(two).count());
        assertThat(requestLatencies(result).histogram().getMaxValue())
                .isEqualTo(Math.max(requestLatencies(one).histogram().getMaxValue(),
                        requestLatencies(two).histogram().getMaxValue()));
        String host = one.shard().host();
        assertThat(console()).contains("Merged 2 shards of run unit-run into merged",
                "  shard 1/2 from " + host + ", clock not checked", "  shard 2/2 from " + host + ", clock not checked");
    }

    @Test
    void refusesAMissingShardNamingItAndWritesNothing() {
        assertThatThrownBy(() -> merge(List.of("shard1"), "missing", MAX_CLOCK_OFFSET_MS))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("shard 2/2 of run unit-run is missing");
        assertThat(workspace.resolve("missing")).doesNotExist();
    }

    @Test
    void refusesAShardWhoseAgentClockWasTooFarOffTheControllersWithTheNumbers() {
        assertThatThrownBy(() -> merge(List.of("shard1", "skewed2"), "skewed", MAX_CLOCK_OFFSET_MS))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("the clock of shard 2/2 on ")
                .hasMessageContaining("was 80.000 ms off Jenkins controller's (round trip 0.400 ms), more than the"
                        + " 50.0 ms allowed");
        assertThat(workspace.resolve("skewed")).doesNotExist();
    }

    @Test
    void aLargerMaxClockOffsetMergesThatShardAndPrintsItsReading() throws Exception {
        BenchmarkOutcome merged = merge(List.of("shard1", "skewed2"), "tolerant", 100);

        assertThat(merged.metrics().get("lb.requests")).isEqualTo(ITestCluster.SHARDED_REQUESTS);
        assertThat(console()).contains("clock offset 80.000 ms (round trip 0.400 ms) to Jenkins controller");
    }

    /** Runs one shard as {@code benchmarkCluster(shard:, runId:)} runs it on an agent, into {@code out}. */
    private static BenchmarkOutcome shard(String out, ShardRequest request) throws Exception {
        TaskListener quiet = new ConsoleOnly(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        return new BenchmarkOnAgent(SPEC, out, List.of(), quiet, new HashMap<>(), request)
                .benchmark(workspace.toFile(), ClusterBench.standard());
    }

    private BenchmarkOutcome merge(List<String> results, String out, double maxClockOffsetMs) throws Exception {
        return new MergeOnAgent(SPEC, results, out, maxClockOffsetMs, listener)
                .merge(workspace.toFile(), ClusterBench.standard());
    }

    private static LatencyHistogram requestLatencies(RunResult result) {
        return result.probes().get(0).latencies().get(0);
    }

    private String console() {
        return log.toString(StandardCharsets.UTF_8);
    }
}
