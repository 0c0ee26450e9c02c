package io.clusterbench.cli;

import io.clusterbench.result.OutputFiles;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.local.Binaries;
import io.clusterbench.local.LocalCluster;
import io.clusterbench.local.LocalPrometheus;
import io.clusterbench.local.LocalServer;
import io.clusterbench.local.LocalServerException;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.History;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SpecException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clusterbench demo}: starts a throwaway local cluster of real servers and writes its spec. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Start a throwaway local cluster of real servers on 127.0.0.1 (Redis, an nginx load balancer in front",
            "of two upstreams; sshd, node exporter and Prometheus when installed), write its spec to",
            "DIR/cluster.yaml, validate it, plan its tuning, then run the whole flow into DIR/run: benchmark,",
            "apply the Redis tuning with evidence, benchmark again, score against the objectives, compare, write",
            "the reports; then draw the trend of both runs, with the spec's trend metrics, into DIR/trend.",
            "Prints the verdict and the report's path. The servers stop when the demo ends, unless --keep is",
            "given."
        })
final class DemoCommand implements Callable<Integer> {

    static final String SPEC_FILE = "cluster.yaml";

    @Spec
    CommandSpec command;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "folder for the servers and the spec (default: a new folder under the temp folder)")
    Path dir;

    @Option(names = "--keep", description = "keep the servers running until Ctrl-C")
    boolean keep;

    @Override
    public Integer call() throws ClusterBenchException, InterruptedException {
        // Exit codes as for run: 0 on pass or warning, 1 when a probe or action failed, 99 on fail.
        PrintWriter out = command.commandLine().getOut();
        Path folder = demoFolder();
        out.println("Starting a local cluster in " + folder + " ...");
        try (LocalCluster cluster = startCluster(folder, Binaries.system())) {
            for (LocalServer server : cluster.servers()) {
                out.printf("  started %-14s 127.0.0.1:%d (pid %d)%n", server.name(), server.port(), server.pid());
            }
            cluster.skipped().forEach(reason -> out.println("  " + reason));

            Path specFile = folder.resolve(SPEC_FILE);
            writeSpec(specFile, DemoSpec.yaml(cluster));
            out.println("Wrote " + specFile);
            LoadedSpec loaded = validate(specFile);
            SpecSummary.print(specFile.toString(), loaded, out);

            out.println();
            cluster.prometheus().ifPresent(DemoCommand::awaitFirstScrape);
            int planned = TuneInvocation.plan(loaded, out);
            out.println();
            Path run = folder.resolve("run");
            int ran = RunCommand.run(loaded, specFile.toString(), RunCommand.demoPlan(run, History.empty()), out);
            Path trend = trend(folder, run, loaded, out);

            out.println();
            out.println("result.json: " + run.resolve(ResultFiles.RESULT_JSON));
            out.println("evidence:    " + run.resolve("tuning").resolve(OutputFiles.EVIDENCE_JSONL));
            out.println("report:      " + run.resolve(OutputFiles.AUDIT_HTML));
            out.println("trend:       " + trend.resolve(OutputFiles.TREND_HTML));
            out.println("Next:");
            out.println("  bin/clusterbench validate " + specFile);
            out.println("  bin/clusterbench benchmark " + specFile + " --out " + folder.resolve("results-2"));
            out.println("  bin/clusterbench tune " + specFile + " --plan");
            out.println("  bin/clusterbench assert " + run.resolve(ResultFiles.RESULT_JSON) + " --min-score 85");
            if (keep) {
                out.println("The servers keep running; press Ctrl-C to stop them.");
                out.flush();
                awaitShutdown(cluster);
            } else {
                out.println("  bin/clusterbench demo --keep     # to keep the servers up while you try it");
                out.println("Stopping the servers.");
            }
            // The plan's refusal (an action known to fail) matters more than the verdict of the run after it.
            return planned != ExitCodes.OK ? planned : ran;
        }
    }

    /**
     * Keeps the before-run and the run in a history, as an operator would with {@code history add}, and draws their
     * trend with the spec's trend metrics: two points, before and after tuning.
     */
    private static Path trend(Path folder, Path run, LoadedSpec loaded, PrintWriter out)
            throws ClusterBenchException {
        ClusterBench engine = ClusterBench.standard();
        Path history = folder.resolve("history");
        // The before-run is a measurement of its own (own run id, scored), so it may be kept as a run; a cp -r of
        // the run folder would count it as a part of the run instead.
        out.println(engine.addToHistory(run.resolve("before"), history).describe() + " (before tuning)");
        out.println(engine.addToHistory(run, history).describe());
        Path trend = folder.resolve("trend");
        engine.writeTrend(engine.trend(history, loaded.spec().trend().metrics()), trend);
        out.println("Trend of " + history + ": " + trend.resolve(OutputFiles.TREND_HTML));
        return trend;
    }

    /**
     * Starts the servers; one that cannot start (a missing binary, whose message gives the install command, or a
     * server that exits) is a problem of this machine: an environment failure with the launcher's message.
     */
    static LocalCluster startCluster(Path folder, Binaries binaries) throws ClusterBenchException {
        try {
            return LocalCluster.start(folder, binaries);
        } catch (LocalServerException e) {
            throw new ClusterBenchException(Kind.ENVIRONMENT, e.getMessage(), e);
        }
    }

    /** The promql probe would find no data before Prometheus has scraped its target once. */
    private static void awaitFirstScrape(LocalPrometheus prometheus) {
        try {
            prometheus.awaitTarget(LocalPrometheus.NODE_JOB, Duration.ofSeconds(30));
        } catch (LocalServerException e) {
            // The benchmark then records the missing data as such; the demo still shows everything else.
        }
    }

    private Path demoFolder() throws ClusterBenchException {
        try {
            if (dir == null) {
                return Files.createTempDirectory("clusterbench-demo-").toAbsolutePath();
            }
            return Files.createDirectories(dir).toAbsolutePath();
        } catch (IOException e) {
            throw new ClusterBenchException(Kind.ENVIRONMENT, "cannot create the demo folder "
                    + (dir == null ? "in the temp folder" : dir) + ": " + e.getMessage()
                    + "; choose a writable folder with --dir", e);
        }
    }

    private static void writeSpec(Path specFile, String yaml) throws ClusterBenchException {
        try {
            Files.writeString(specFile, yaml);
        } catch (IOException e) {
            throw new ClusterBenchException(Kind.ENVIRONMENT, "cannot write " + specFile + ": " + e.getMessage(), e);
        }
    }

    private static LoadedSpec validate(Path specFile) throws ClusterBenchException {
        try {
            return ClusterBench.standard().load(specFile);
        } catch (SpecException e) {
            // The demo wrote this spec itself, so an invalid one is our bug, not the user's.
            throw new IllegalStateException("the demo wrote an invalid spec:\n" + e.getMessage(), e);
        }
    }

    /** Blocks until the JVM is asked to stop (Ctrl-C, SIGTERM), then stops the servers before it exits. */
    private static void awaitShutdown(LocalCluster cluster) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.close();
            stopped.countDown();
        }, "clusterbench-demo-stop"));
        stopped.await();
    }
}
