package io.clusterbench.engine;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.control.BenchmarkOptions;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.RunResult;
import io.clusterbench.score.RunComparisons;
import io.clusterbench.spec.LoadedSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The before -> tuning -> after -> comparison -> rollback-if-worse -> score -> gate flow of {@link ClusterBench#run},
 * in one place so that every front runs it alike.
 */
final class RunFlow {
    private static final int STAGES = 4;

    private final ClusterBench engine;
    private final LoadedSpec spec;
    private final String specFile;
    private final RunPlan plan;
    private final RunListener listener;
    private final StopSignal stop;

    RunFlow(ClusterBench engine, LoadedSpec spec, String specFile, RunPlan plan, RunListener listener,
            StopSignal stop) {
        this.engine = engine;
        this.spec = spec;
        this.specFile = specFile;
        this.plan = plan;
        this.listener = listener;
        this.stop = stop;
    }

    RunOutcome run() throws ClusterBenchException {
        listener.stage(1, STAGES, "benchmark before tuning");
        RunResult before = benchmark("before", plan.beforeDir());
        if (stop.raised()) {
            return stopped(before, null);
        }
        listener.stage(2, STAGES, "tuning");
        RunResult tuned = engine.tune(spec, specFile, plan.tuningDir(), spec.spec().settings().rollback(), listener,
                stop::raised);
        listener.tuned(tuned);
        if (stop.raised()) {
            return stopped(tuned, before);
        }
        listener.stage(3, STAGES, "benchmark after tuning, same workload");
        RunResult after = benchmark("after", plan.afterDir());
        if (stop.raised()) {
            return stopped(after, before);
        }
        listener.stage(4, STAGES, "score, compare and gate");
        // The before-run is scored too, so that its report and the trend show where tuning started from.
        RunResult scoredBefore = before.withScore(engine.score(spec, before, plan.history()));
        ResultFiles.write(scoredBefore, plan.beforeDir().resolve(ResultFiles.RESULT_JSON));
        listener.note("Before tuning: " + scoredBefore.score().verdict() + ", score "
                + Numbers.score(scoredBefore.score().score()));
        Optional<String> notComparable = RunComparisons.whyNotComparable(tuned.changes());
        RunComparison comparison = notComparable.isPresent()
                ? RunComparisons.notComparable(before, notComparable.get())
                : engine.compare(spec, before, after);
        listener.note("Comparison with the run before tuning: " + comparison.explanation());
        if (comparison.regressed() && spec.spec().settings().rollbackIfWorse()) {
            listener.note("rollbackIfWorse: rolling the tuning back");
            tuned = engine.rollBackTuning(spec, tuned, plan.tuningDir(),
                    "the benchmark after tuning regressed: " + comparison.explanation(), listener);
            comparison = new RunComparison(comparison.beforeRunId(), comparison.metrics(), true, true,
                    comparison.explanation());
        }
        RunResult result = after.withTuning(tuned.changes(), tuned.evidence()).withComparison(comparison);
        GatedRun gated = engine.gate(spec, result, plan.history(), plan.policy(), plan.outDir());
        if (plan.historyAdd() != null) {
            StoredRun stored = engine.addToHistory(plan.outDir(), plan.historyAdd());
            listener.note(stored.describe());
        }
        return new RunOutcome(gated.result(), scoredBefore, gated.gate(), gated.resultFile(), gated.reports(),
                false);
    }

    private RunResult benchmark(String stage, Path dir) throws ClusterBenchException {
        BenchmarkOptions options = new BenchmarkOptions(dir, List.of(), plan.maxParallel(), Duration.ofSeconds(1));
        RunResult result = engine.benchmark(spec, specFile, options, listener, stop);
        listener.benchmarked(stage, result);
        return result;
    }

    /** Stopped early: the last stage's result is written; nothing is scored or gated on partial evidence. */
    private static RunOutcome stopped(RunResult last, RunResult before) {
        return new RunOutcome(last, before, null, null, List.of(), true);
    }
}
