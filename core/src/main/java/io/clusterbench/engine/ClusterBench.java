package io.clusterbench.engine;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.bench.Benchmark;
import io.clusterbench.bench.BenchmarkListener;
import io.clusterbench.bench.BenchmarkOptions;
import io.clusterbench.bench.ProbeRegistry;
import io.clusterbench.probe.StopSignal;
import io.clusterbench.result.ChangeOutcome;
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
 * What both fronts, the CLI and the Jenkins plugin, call: load a spec, benchmark it, plan and apply its tuning
 * (scoring and reports join here as they arrive). Fronts never reach past this class into probes.
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

    /** Works out what each tuning action would change; changes nothing. See {@link Tuning#plan}. */
    public List<ChangeOutcome> plan(LoadedSpec spec, TuningListener listener) {
        return new Tuning(actions, secrets, clock).plan(spec, listener);
    }

    /** Applies the tuning actions with read-back, rollback and evidence. See {@link Tuning#apply}. */
    public RunResult tune(LoadedSpec spec, String specFile, Path outDir, boolean rollback, TuningListener listener,
            BooleanSupplier stopped) throws ClusterBenchException {
        return new Tuning(actions, secrets, clock).apply(spec, specFile, outDir, rollback, listener, stopped);
    }
}
