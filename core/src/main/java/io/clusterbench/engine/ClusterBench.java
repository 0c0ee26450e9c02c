package io.clusterbench.engine;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.bench.Benchmark;
import io.clusterbench.bench.ClusterLease;
import io.clusterbench.control.BenchmarkListener;
import io.clusterbench.control.BenchmarkOptions;
import io.clusterbench.bench.ProbeRegistry;
import io.clusterbench.control.StopSignal;
import io.clusterbench.control.ExportFormat;
import io.clusterbench.control.PushTarget;
import io.clusterbench.export.Pushgateway;
import io.clusterbench.export.RunMetrics;
import io.clusterbench.export.TextFormats;
import io.clusterbench.result.PushReceipt;
import io.clusterbench.report.Reports;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.GateOutcome;
import io.clusterbench.result.GatePolicy;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.score.Gate;
import io.clusterbench.result.History;
import io.clusterbench.score.RunComparisons;
import io.clusterbench.score.Scorer;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecException;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.trend.Trend;
import io.clusterbench.result.TrendData;
import io.clusterbench.result.TrendModel;
import io.clusterbench.trend.TrendWriter;
import io.clusterbench.tune.ActionRegistry;
import io.clusterbench.tune.Recovery;
import io.clusterbench.tune.Tuning;
import io.clusterbench.control.TuningListener;
import io.clusterbench.bench.ShardMerge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What both fronts, the CLI and the Jenkins plugin, call: load a spec, benchmark it, plan and apply its tuning,
 * score it, compare runs and write reports. Fronts never reach past this class into probes.
 *
 * <p>Every flow is here: {@link #benchmarkAndWrite}, {@link #tuneAndWrite}, {@link #recover}, {@link #run},
 * {@link #gate}, {@link #trend}, {@link #addToHistory}, {@link #readHistory}, {@link #export} and {@link #push}; each takes the spec and options,
 * writes its files and returns records. Fronts only parse, print and adapt (docs/development.md, "The engine API").
 *
 * <p>Usage: {@code ClusterBench engine = ClusterBench.standard(); LoadedSpec spec = engine.load(path);
 * RunOutcome outcome = engine.run(spec, path.toString(), RunPlan.into(out), listener, stop);}
 */
public final class ClusterBench {
    private final ProbeRegistry probes;
    private final ActionRegistry actions;
    /** The clusters whose lease this thread holds, so that run's own stages do not wait for run itself. */
    private static final ThreadLocal<Set<String>> HELD = ThreadLocal.withInitial(HashSet::new);

    private final SecretResolver secrets;
    private final Clock clock;

    public ClusterBench(ProbeRegistry probes, ActionRegistry actions, SecretResolver secrets, Clock clock) {
        this.probes = probes;
        this.actions = actions;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Every probe and action kind, secrets from {@code secrets} (a front's own, such as Jenkins' bound credentials),
     * the system clock.
     */
    public static ClusterBench withSecrets(SecretResolver secrets) {
        return new ClusterBench(ProbeRegistry.standard(), ActionRegistry.standard(), secrets, Clock.systemUTC());
    }

    /** Every probe and action kind, secrets from this process's environment and files, the system clock. */
    public static ClusterBench standard() {
        return new ClusterBench(ProbeRegistry.standard(), ActionRegistry.standard(), SecretResolver.system(),
                Clock.systemUTC());
    }

    /** Reads and validates a spec; every problem is in the exception, with file, line, column and spec path. */
    public LoadedSpec load(Path specFile) throws SpecException {
        return SpecLoader.load(specFile, secrets);
    }

    /** Runs the spec's probes and writes result.json; see {@link Benchmark#run}. */
    public RunResult benchmark(LoadedSpec spec, String specFile, BenchmarkOptions options, BenchmarkListener listener,
            StopSignal stop) throws ClusterBenchException {
        return leased(spec, "benchmark", stop::raised, spec.spec().settings().lease().benchmark(), listener::note,
                () -> new Benchmark(probes, secrets, clock).run(spec, specFile, options, listener, stop));
    }

    /** Work done under the cluster's lease. */
    private interface LeasedWork<T> {
        T run() throws ClusterBenchException;
    }

    /**
     * Runs {@code work} holding the cluster's lease ({@link ClusterLease}), unless this thread holds it already
     * (run's own benchmarks and tunings) or {@code wanted} is false.
     */
    private <T> T leased(LoadedSpec spec, String command, BooleanSupplier stopped, boolean wanted,
            Consumer<String> notes, LeasedWork<T> work) throws ClusterBenchException {
        String cluster = spec.spec().name();
        if (!wanted || HELD.get().contains(cluster)) {
            return work.run();
        }
        try (ClusterLease lease = ClusterLease.take(spec.spec(), secrets, command, clock, stopped)) {
            if (!lease.note().isEmpty()) {
                notes.accept(lease.note());
            }
            HELD.get().add(cluster);
            try {
                return work.run();
            } finally {
                HELD.get().remove(cluster);
            }
        }
    }

    /**
     * Benchmarks, scores when the spec has objectives (baselines from {@code history}), and writes result.json and
     * the reports into the out folder, also when stopped. An interrupt of the calling thread stops the run like
     * {@code stop} (how Jenkins stops a step): the probes end within about one request timeout, everything is
     * written, and this returns with {@link WrittenRun#stopped()} true and the thread's interrupt flag set again.
     *
     * @throws ClusterBenchException when the run cannot start or its files cannot be written
     */
    public WrittenRun benchmarkAndWrite(LoadedSpec spec, String specFile, BenchmarkOptions options, History history,
            BenchmarkListener listener, StopSignal stop) throws ClusterBenchException {
        return stoppable("clusterbench-benchmark", stop, () -> {
            RunResult result = benchmark(spec, specFile, options, listener, stop);
            if (!spec.spec().objectives().isEmpty()) {
                result = result.withScore(score(spec, result, history));
            }
            return written(result, options.outDir());
        });
    }

    /**
     * Applies the tuning like {@link #tune} and writes the reports beside result.json and evidence.jsonl. An
     * interrupt of the calling thread stops the run like {@code stop}: the running action finishes its step (and
     * its read-back), no further action starts, the applied ones stay applied, everything is written, and this
     * returns with {@link WrittenRun#stopped()} true and the thread's interrupt flag set again.
     *
     * @throws ClusterBenchException when the output folder cannot be written
     */
    public WrittenRun tuneAndWrite(LoadedSpec spec, String specFile, Path outDir, boolean rollback,
            TuningListener listener, StopSignal stop) throws ClusterBenchException {
        return stoppable("clusterbench-tune", stop,
                () -> written(tune(spec, specFile, outDir, rollback, listener, stop::raised), outDir));
    }

    /**
     * Restores what a tuning run left applied, from its {@code evidence.jsonl} (see {@link Recovery}), and writes
     * this recovery's evidence.jsonl, result.json and reports into {@code outDir}. A stop, or an interrupt of the
     * calling thread, lets the running restore finish with its read-back and starts no further one; everything is
     * written and {@link WrittenRun#stopped()} is true.
     *
     * @throws ClusterBenchException when the evidence file is unreadable or the out folder cannot be written
     */
    public WrittenRun recover(LoadedSpec spec, String specFile, Path evidenceFile, Path outDir,
            TuningListener listener, StopSignal stop) throws ClusterBenchException {
        return stoppable("clusterbench-recover", stop, () -> written(new Recovery(actions, secrets, clock)
                .recover(spec, specFile, evidenceFile, outDir, listener, stop::raised), outDir));
    }

    private static WrittenRun stoppable(String name, StopSignal stop, StopOnInterrupt.Work<WrittenRun> work)
            throws ClusterBenchException {
        WrittenRun run = StopOnInterrupt.run(name, stop, work);
        // Read after the wait: an interrupt that came while the files were written still makes the run stopped.
        return new WrittenRun(run.result(), run.resultFile(), run.reports(), stop.raised());
    }

    private WrittenRun written(RunResult result, Path outDir) throws ClusterBenchException {
        Path resultFile = outDir.resolve(ResultFiles.RESULT_JSON);
        ResultFiles.write(result, resultFile);
        return new WrittenRun(result, resultFile, writeReports(result, outDir), false);
    }

    /**
     * Runs the whole flow of {@link RunPlan}: before, tuning, after, comparison, rollback-if-worse, score and gate,
     * and writes result.json and the reports into the plan's out folder (and the run into its history folder). A
     * stop request ends it after the running stage, which still writes what it measured or changed; nothing is
     * scored on partial evidence then.
     *
     * @throws ClusterBenchException when a stage cannot start or its files cannot be written
     */
    public RunOutcome run(LoadedSpec spec, String specFile, RunPlan plan, RunListener listener, StopSignal stop)
            throws ClusterBenchException {
        return leased(spec, "run", stop::raised, true, listener::note, () -> new RunFlow(this, spec, specFile, plan, listener, stop)
                .run());
    }

    /**
     * Runs {@link #run} on a thread of its own, so that an interrupt of the calling thread (how Jenkins stops a
     * step) becomes a stop request, as for {@link #tuneAndWrite}: the running stage ends the way a stop ends it,
     * writes what it measured or changed, and this returns with the thread's interrupt flag set again. Read
     * {@code stop.raised()} after the return: an interrupt that came while the last files were written leaves
     * {@link RunOutcome#stopped()} false but the signal raised.
     *
     * @throws ClusterBenchException when a stage cannot start or its files cannot be written
     */
    public RunOutcome runStoppable(LoadedSpec spec, String specFile, RunPlan plan, RunListener listener,
            StopSignal stop) throws ClusterBenchException {
        return StopOnInterrupt.run("clusterbench-run", stop, () -> run(spec, specFile, plan, listener, stop));
    }

    /**
     * Scores a run with the policy's thresholds, decides the gate, and writes the scored and gated result.json and
     * the reports into {@code outDir}: the one decision that the console, the exit code or build result, the
     * reports and junit.xml all show.
     *
     * @throws ClusterBenchException when the files cannot be written
     */
    public GatedRun gate(LoadedSpec spec, RunResult run, History history, GatePolicy policy, Path outDir)
            throws ClusterBenchException {
        ScoreResult score = Scorer.score(spec.spec(), run, history, policy);
        GateOutcome gate = Gate.decide(score, policy);
        RunResult gated = run.withScore(score).withGate(gate);
        WrittenRun written = written(gated, outDir);
        return new GatedRun(gated, gate, written.resultFile(), written.reports());
    }

    /**
     * Merges the results of a run's shards into the one run they measured (see {@link ShardMerge}), scores it when
     * the spec has objectives (baselines from {@code history}), and writes result.json and the reports into
     * {@code outDir}; the merged run is then like any other for gate, trend, history and export.
     *
     * @param shardResults each shard's result.json, or the folder that holds it
     * @param maxClockOffsetMs the largest clock offset to the coordinator a shard may have had
     * @throws ClusterBenchException MERGE_REFUSED or CLOCK_SKEW when the shards do not make one run, INVALID_INPUT
     *     when a file is not a result, ENVIRONMENT when the out folder cannot be written
     */
    public WrittenRun merge(List<Path> shardResults, double maxClockOffsetMs, LoadedSpec spec, History history,
            Path outDir) throws ClusterBenchException {
        Map<String, RunResult> results = new LinkedHashMap<>();
        for (Path given : shardResults) {
            Path file = Files.isDirectory(given) ? given.resolve(ResultFiles.RESULT_JSON) : given;
            if (results.putIfAbsent(file.toString(), ResultFiles.read(file)) != null) {
                throw new ClusterBenchException(ClusterBenchException.Kind.MERGE_REFUSED, "cannot merge: " + file
                        + " is given twice; give each shard's result.json once");
            }
        }
        RunResult merged = ShardMerge.merge(results, maxClockOffsetMs);
        if (spec != null && !spec.sha256().equals(merged.specSha256())) {
            throw new ClusterBenchException(ClusterBenchException.Kind.MERGE_REFUSED, "cannot merge: the shards ran"
                    + " spec sha256 " + merged.specSha256() + " but --spec has sha256 " + spec.sha256()
                    + "; give the spec file the shards ran");
        }
        if (spec != null && !spec.spec().objectives().isEmpty()) {
            merged = merged.withScore(score(spec, merged, history));
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new ClusterBenchException(ClusterBenchException.Kind.ENVIRONMENT, "cannot create " + outDir + " ("
                    + e.getMessage() + "); choose a writable folder with --out");
        }
        return written(merged, outDir);
    }

    /** Reads a history folder (any tree of run folders; see {@link History#read}). */
    public History readHistory(Path historyDir) throws ClusterBenchException {
        return History.read(historyDir);
    }

    /** Stores a run (its folder or result.json) in a history folder under its run id, with its summary. */
    public StoredRun addToHistory(Path run, Path historyDir) throws ClusterBenchException {
        return HistoryStore.add(run, historyDir);
    }

    /**
     * The trend of a history folder: each run's summary (created where missing) and the model that every trend
     * chart draws, with {@code metrics} chosen as {@link TrendModel#chooseMetrics} says.
     */
    public TrendData trend(Path historyDir, List<String> metrics) throws ClusterBenchException {
        return Trend.build(historyDir, metrics);
    }

    /** Writes trend.html (+ trend.css) and trend.json for a trend. */
    public void writeTrend(TrendData trend, Path outDir) throws ClusterBenchException {
        TrendWriter.write(trend, outDir);
    }

    /**
     * The run's metrics (score, verdict, objective states, effects, headline metrics) as text in the format; the
     * names and labels are in docs/results.md, "Prometheus export".
     */
    public String export(RunResult run, ExportFormat format) {
        return TextFormats.write(RunMetrics.of(run), format);
    }

    /**
     * Pushes the run's metrics to a Prometheus Pushgateway, replacing its cluster's group; see {@link Pushgateway#push}.
     *
     * @throws ClusterBenchException when the Pushgateway cannot be reached or refuses the push
     */
    public PushReceipt push(RunResult run, PushTarget target) throws ClusterBenchException {
        return Pushgateway.push(run, target);
    }

    /** Works out what each tuning action would change; changes nothing. See {@link Tuning#plan}. */
    public List<ChangeOutcome> plan(LoadedSpec spec, TuningListener listener) {
        return new Tuning(actions, secrets, clock).plan(spec, listener);
    }

    /** Scores a run against the spec's objectives, with baselines from the given earlier runs. */
    public ScoreResult score(LoadedSpec spec, RunResult run, History history) {
        return Scorer.score(spec.spec(), run, history);
    }

    /** Compares the tuned rounds (B) of {@code after} with the rounds before tuning (A) of {@code before}. */
    public RunComparison compare(LoadedSpec spec, RunResult before, RunResult after,
            RunComparisons.Design design) {
        return RunComparisons.compare(spec.spec(), before, after, spec.spec().baseline(), design);
    }

    /** The quiet-cluster check of a run, on its own ssh connections; close it when the run ends. */
    QuietWatch quietWatch(LoadedSpec spec) {
        return new QuietWatch(spec, secrets);
    }

    /** Which tuning actions would change something and which of those cannot be rolled back; changes nothing. */
    public Tuning.Reversibility reversibility(LoadedSpec spec) {
        return new Tuning(actions, secrets, clock).reversibility(spec);
    }

    /** Writes audit-report.md, audit-report.html (+ report.css) and junit.xml for a run. */
    public List<Path> writeReports(RunResult result, Path outDir) throws ClusterBenchException {
        return Reports.write(result, outDir);
    }

    /** Rolls back what an earlier apply left applied, with evidence; see {@link Tuning#rollBack}. */
    public RunResult rollBackTuning(LoadedSpec spec, RunResult tuned, Path outDir, String reason,
            TuningListener listener) throws ClusterBenchException {
        return new Tuning(actions, secrets, clock).rollBack(spec, tuned, outDir, reason, listener);
    }

    /** Applies the tuning actions with read-back, rollback and evidence. See {@link Tuning#apply}. */
    public RunResult tune(LoadedSpec spec, String specFile, Path outDir, boolean rollback, TuningListener listener,
            BooleanSupplier stopped) throws ClusterBenchException {
        return leased(spec, "tune", stopped, true, listener::note,
                () -> new Tuning(actions, secrets, clock).apply(spec, specFile, outDir, rollback, listener, stopped));
    }
}
