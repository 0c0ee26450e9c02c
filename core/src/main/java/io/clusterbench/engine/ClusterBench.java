package io.clusterbench.engine;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.bench.Benchmark;
import io.clusterbench.bench.BenchmarkListener;
import io.clusterbench.bench.BenchmarkOptions;
import io.clusterbench.bench.ProbeRegistry;
import io.clusterbench.probe.StopSignal;
import io.clusterbench.report.Reports;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.score.History;
import io.clusterbench.score.RunComparisons;
import io.clusterbench.score.Scorer;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecException;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.tune.ActionRegistry;
import io.clusterbench.tune.Tuning;
import io.clusterbench.tune.TuningListener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What both fronts, the CLI and the Jenkins plugin, call: load a spec, benchmark it, plan and apply its tuning,
 * score it, compare runs and write reports. Fronts never reach past this class into probes.
 *
 * <p>Usage: {@code ClusterBench engine = ClusterBench.standard(); LoadedSpec spec = engine.load(path);
 * RunResult result = engine.benchmark(spec, path.toString(), BenchmarkOptions.into(out), listener, stop);}
 */
public final class ClusterBench {
    private final ProbeRegistry probes;
    private final ActionRegistry actions;
    private final SecretResolver secrets;
    private final Clock clock;

    public ClusterBench(ProbeRegistry probes, ActionRegistry actions, SecretResolver secrets, Clock clock) {
        this.probes = probes;
        this.actions = actions;
        this.secrets = secrets;
        this.clock = clock;
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
        return new Benchmark(probes, secrets, clock).run(spec, specFile, options, listener, stop);
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

    /** Works out what each tuning action would change; changes nothing. See {@link Tuning#plan}. */
    public List<ChangeOutcome> plan(LoadedSpec spec, TuningListener listener) {
        return new Tuning(actions, secrets, clock).plan(spec, listener);
    }

    /** Scores a run against the spec's objectives, with baselines from the given earlier runs. */
    public ScoreResult score(LoadedSpec spec, RunResult run, History history) {
        return Scorer.score(spec.spec(), run, history);
    }

    /** Compares a run after tuning with the run before it, on the same workload. */
    public RunComparison compare(LoadedSpec spec, RunResult before, RunResult after) {
        return RunComparisons.compare(spec.spec(), before, after, spec.spec().baseline());
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
        return new Tuning(actions, secrets, clock).apply(spec, specFile, outDir, rollback, listener, stopped);
    }
}
