package io.clusterbench.cli;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.bench.BenchmarkOptions;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.RunResult;
import io.clusterbench.score.Gate;
import io.clusterbench.score.GateOptions;
import io.clusterbench.score.History;
import io.clusterbench.spec.LoadedSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterbench run SPEC}: benchmark, tune, benchmark again, score and compare: the proof tuning helped. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark (DIR/before), apply the tuning (DIR/tuning), benchmark the same workload again (DIR/after),",
            "score the after-run against the objectives, compare it with the before-run, and write result.json and",
            "the reports into DIR. With settings.rollbackIfWorse: true, a significant regression on a key objective",
            "rolls the tuning back, with evidence."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:pass or warning",
            "1:a probe failed or a tuning action failed",
            "99:fail", "96:could not be scored",
            "2:invalid spec", "3:the output folder is not writable", "130:stopped"
        })
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SPEC", description = "the cluster spec")
    Path specFile;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "clusterbench-run",
            description = "folder for everything the run writes (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--history", paramLabel = "DIR", description = "earlier result.json files for baselines")
    Path history;

    @Override
    public Integer call() throws ClusterBenchException {
        PrintWriter stdout = command.commandLine().getOut();
        LoadedSpec loaded = SpecFiles.loadOrReport(specFile, command.commandLine().getErr());
        if (loaded == null) {
            return ExitCodes.INVALID_SPEC;
        }
        return RunFlow.run(loaded, specFile.toString(), out, Verdicts.history(history, stdout), stdout);
    }

    /** The whole flow, shared with {@code demo}. */
    static final class RunFlow {
        private RunFlow() {
        }

        static int run(LoadedSpec loaded, String specFile, Path out, History history, PrintWriter stdout)
                throws ClusterBenchException {
            ClusterBench engine = ClusterBench.standard();
            stdout.println("== 1/4 benchmark before tuning");
            BenchmarkInvocation.Measured before = BenchmarkInvocation.measure(loaded, specFile,
                    BenchmarkOptions.into(out.resolve("before")), stdout);
            if (before.stopped()) {
                return ExitCodes.INTERRUPTED;
            }
            stdout.println();
            stdout.println("== 2/4 tuning");
            Path tuningDir = out.resolve("tuning");
            TuneInvocation.Tuned tuned = TuneInvocation.tune(loaded, specFile, tuningDir,
                    loaded.spec().settings().rollback(), stdout);
            if (tuned.stopped()) {
                return ExitCodes.INTERRUPTED;
            }
            stdout.println();
            stdout.println("== 3/4 benchmark after tuning, same workload");
            BenchmarkInvocation.Measured after = BenchmarkInvocation.measure(loaded, specFile,
                    BenchmarkOptions.into(out.resolve("after")), stdout);
            if (after.stopped()) {
                return ExitCodes.INTERRUPTED;
            }
            stdout.println();
            stdout.println("== 4/4 score and compare");
            // The before-run is scored too, so that its report and the trend show where tuning started from.
            RunResult scoredBefore = before.result().withScore(engine.score(loaded, before.result(), history));
            ResultFiles.write(scoredBefore,
                    out.resolve("before").resolve(ResultFiles.RESULT_JSON));
            stdout.printf("Before tuning: %s, score %.1f%n", scoredBefore.score().verdict(),
                    scoredBefore.score().score());
            RunResult tunedResult = tuned.result();
            RunComparison comparison = engine.compare(loaded, before.result(), after.result());
            stdout.println("Comparison with the run before tuning: " + comparison.explanation());
            if (comparison.regressed() && loaded.spec().settings().rollbackIfWorse()) {
                stdout.println("rollbackIfWorse: rolling the tuning back");
                tunedResult = engine.rollBackTuning(loaded, tunedResult, tuningDir,
                        "the benchmark after tuning regressed: " + comparison.explanation(), new TuningPrinter(stdout));
                comparison = new RunComparison(comparison.beforeRunId(), comparison.metrics(), true, true,
                        comparison.explanation());
            }
            RunResult result = after.result().withTuning(tunedResult.changes(), tunedResult.evidence())
                    .withComparison(comparison);
            result = result.withScore(engine.score(loaded, result, history));
            Verdicts.print(result.score(), stdout);
            Verdicts.write(result, out, stdout);
            int probes = Math.max(before.exitCode(), after.exitCode());
            int tuning = new TuneInvocation.Tuned(tunedResult, false).exitCode();
            if (probes != ExitCodes.OK || tuning != ExitCodes.OK) {
                return ExitCodes.SOME_PROBES_FAILED;
            }
            return Gate.evaluate(result.score(), GateOptions.DEFAULT).exitCode();
        }
    }
}
