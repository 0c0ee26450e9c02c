package io.jenkins.plugins.clusterbench;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.util.Secret;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.control.BenchmarkListener;
import io.clusterbench.control.BenchmarkOptions;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.engine.WrittenRun;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.History;
import io.clusterbench.spec.LoadedSpec;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs a benchmark on the agent that holds the workspace, because that agent is the one that can reach the cluster:
 * loads the spec, benchmarks, scores when the spec has objectives, and writes result.json and the reports into the
 * out folder. Everything it does is core's {@link ClusterBench}; this class only adapts files and the console.
 *
 * <p>Aborting the build interrupts this thread; core turns that into a stop, writes what was measured, and this
 * class then says so on the console and throws {@link InterruptedException}, so the build ends ABORTED rather than
 * passing on partial numbers.
 */
final class BenchmarkOnAgent extends MasterToSlaveFileCallable<BenchmarkOutcome> {
    private static final long serialVersionUID = 1L;

    private final String spec;
    private final String out;
    private final ArrayList<String> only;
    private final TaskListener listener;
    // Secret, not String: Jenkins keeps it encrypted at rest and it is what plugins send over remoting.
    private final HashMap<String, Secret> secrets;
    /** The shard this benchmark runs, or null for the whole load. */
    private final ShardRequest shard;

    BenchmarkOnAgent(String spec, String out, List<String> only, TaskListener listener,
            HashMap<String, Secret> secrets) {
        this(spec, out, only, listener, secrets, null);
    }

    BenchmarkOnAgent(String spec, String out, List<String> only, TaskListener listener,
            HashMap<String, Secret> secrets, ShardRequest shard) {
        this.shard = shard;
        this.spec = spec;
        this.out = out;
        this.only = new ArrayList<>(only);
        this.listener = listener;
        this.secrets = new HashMap<>(secrets);
    }

    @Override
    public BenchmarkOutcome invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        return benchmark(workspace, AgentEngine.with(secrets));
    }

    /**
     * The benchmark with an engine whose secrets are already resolved; {@link #invoke} gives it the build's. Apart
     * so that a test can run everything the agent runs but the decryption of {@link Secret}s, which needs Jenkins.
     */
    BenchmarkOutcome benchmark(File workspace, ClusterBench engine) throws IOException, InterruptedException {
        Path specFile = workspace.toPath().resolve(spec);
        Path outDir = workspace.toPath().resolve(out);
        PrintStream console = listener.getLogger();
        try {
            LoadedSpec loaded = engine.load(specFile);
            console.println("Benchmarking cluster '" + loaded.spec().name() + "' (" + spec + ") into " + out);
            // Baselines from earlier builds are assertScore's job; here relative objectives stay inconclusive.
            BenchmarkOptions options = BenchmarkOptions.into(outDir).only(only);
            if (shard != null) {
                options = options.shard(shard.toShardRun());
            }
            WrittenRun run = engine.benchmarkAndWrite(loaded, spec, options,
                    History.empty(), new ConsoleProgress(console), new StopSignal());
            String resultPath = out + "/" + ResultFiles.RESULT_JSON;
            if (run.stopped()) {
                console.println("Cluster Bench benchmark stopped before its end; what was measured is in "
                        + resultPath + " (reports beside it)");
                throw AgentEngine.stopped("benchmark stopped; partial result in " + resultPath);
            }
            BenchmarkOutcome outcome = BenchmarkOutcome.of(run.result(), resultPath,
                    loaded.spec().trend().metrics());
            console.println("Cluster Bench verdict: " + outcome.verdict()
                    + (outcome.score() == null ? "" : ", score " + outcome.score() + " / 100"));
            return outcome;
        } catch (ClusterBenchException e) {
            // The message says where and what to do; a stack trace would only hide it.
            throw new AbortException(e.getMessage());
        }
    }

    /** Prints one line per probe as it starts and finishes. */
    private record ConsoleProgress(PrintStream console) implements BenchmarkListener {
        @Override
        public void note(String line) {
            console.println(line);
        }

        @Override
        public void probeStarted(String probe) {
            console.println("  started  " + probe);
        }

        @Override
        public void probeFinished(ProbeMeasurement measurement, Path resultFile) {
            console.println("  finished " + measurement.probe() + " (" + measurement.status() + ")");
        }
    }
}
