package io.clusterbench.cli;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.bench.BenchmarkOptions;
import io.clusterbench.local.LocalCluster;
import io.clusterbench.local.LocalPrometheus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.tune.EvidenceLog;
import io.clusterbench.local.LocalServer;
import io.clusterbench.engine.ClusterBench;
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
            "DIR/cluster.yaml, validate it, benchmark it into DIR/results/result.json, plan and apply its Redis",
            "tuning with evidence in DIR/tuning/evidence.jsonl, and print what to run next. The servers stop",
            "when the demo ends, unless --keep is given."
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
        // Exit codes as for benchmark and tune: 0 when every probe measured and every action applied.
        PrintWriter out = command.commandLine().getOut();
        Path folder = demoFolder();
        out.println("Starting a local cluster in " + folder + " ...");
        try (LocalCluster cluster = LocalCluster.start(folder)) {
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
            Path results = folder.resolve("results");
            int benchmarked = BenchmarkInvocation.run(loaded, specFile.toString(), BenchmarkOptions.into(results), out);

            out.println();
            int planned = TuneInvocation.plan(loaded, out);
            out.println();
            Path tuning = folder.resolve("tuning");
            int tuned = TuneInvocation.apply(loaded, specFile.toString(), tuning, loaded.spec().settings().rollback(),
                    out);

            out.println();
            out.println("result.json: " + results.resolve(ResultFiles.RESULT_JSON));
            out.println("evidence:    " + tuning.resolve(EvidenceLog.FILE_NAME));
            out.println("Next:");
            out.println("  bin/clusterbench validate " + specFile);
            out.println("  bin/clusterbench benchmark " + specFile + " --out " + folder.resolve("results-2"));
            out.println("  bin/clusterbench tune " + specFile + " --plan");
            if (keep) {
                out.println("The servers keep running; press Ctrl-C to stop them.");
                out.flush();
                awaitShutdown(cluster);
            } else {
                out.println("  bin/clusterbench demo --keep     # to keep the servers up while you try it");
                out.println("Stopping the servers.");
            }
            // The first failure decides: a benchmark that failed matters more than the tuning after it.
            return benchmarked != ExitCodes.OK ? benchmarked : planned != ExitCodes.OK ? planned : tuned;
        }
    }

    /** The promql probe would find no data before Prometheus has scraped its target once. */
    private static void awaitFirstScrape(LocalPrometheus prometheus) {
        try {
            prometheus.awaitTarget(LocalPrometheus.NODE_JOB, Duration.ofSeconds(30));
        } catch (ClusterBenchException e) {
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
