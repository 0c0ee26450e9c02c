package io.jenkins.plugins.clusterbench;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.engine.WrittenRun;
import io.clusterbench.result.History;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.ShardMark;
import io.clusterbench.spec.LoadedSpec;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jenkins.MasterToSlaveFileCallable;

/** Merges the shards' results in the workspace with core's {@link ClusterBench#merge} and says what it merged. */
final class MergeOnAgent extends MasterToSlaveFileCallable<BenchmarkOutcome> {
    private static final long serialVersionUID = 1L;

    private final String spec;
    private final ArrayList<String> results;
    private final String out;
    private final double maxClockOffsetMs;
    private final TaskListener listener;

    MergeOnAgent(String spec, List<String> results, String out, double maxClockOffsetMs, TaskListener listener) {
        this.spec = spec;
        this.results = new ArrayList<>(results);
        this.out = out;
        this.maxClockOffsetMs = maxClockOffsetMs;
        this.listener = listener;
    }

    @Override
    public BenchmarkOutcome invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        return merge(workspace, ClusterBench.standard());
    }

    /** The merge with a given engine; apart from {@link #invoke} so that a test runs it without Jenkins. */
    BenchmarkOutcome merge(File workspace, ClusterBench engine) throws IOException {
        Path root = workspace.toPath();
        PrintStream console = listener.getLogger();
        try {
            LoadedSpec loaded = engine.load(root.resolve(spec));
            WrittenRun merged = engine.merge(results.stream().map(root::resolve).toList(), maxClockOffsetMs, loaded,
                    History.empty(), root.resolve(out));
            console.println("Merged " + merged.result().shards().size() + " shards of run "
                    + merged.result().runId() + " into " + out);
            for (ShardMark mark : merged.result().shards()) {
                console.println("  shard " + mark.label() + " from " + mark.host() + (mark.clock() == null
                        ? ", clock not checked"
                        : String.format(Locale.ROOT, ", clock offset %.3f ms (round trip %.3f ms) to %s",
                                mark.clock().offsetMs(), mark.clock().roundTripMs(), mark.clock().coordinator())));
            }
            return BenchmarkOutcome.of(merged.result(), out + "/" + ResultFiles.RESULT_JSON,
                    loaded.spec().trend().metrics());
        } catch (ClusterBenchException e) {
            throw new AbortException(e.getMessage());
        }
    }
}
