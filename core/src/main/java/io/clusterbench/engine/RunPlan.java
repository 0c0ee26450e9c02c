package io.clusterbench.engine;

import io.clusterbench.result.GatePolicy;
import io.clusterbench.result.History;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What {@link ClusterBench#run} does with a spec: benchmark into {@code out/before}, tune into {@code out/tuning},
 * benchmark the same workload into {@code out/after}, compare after with before, roll the tuning back when the spec
 * says {@code rollbackIfWorse} and a key objective regressed, score and gate the after-run, and write result.json
 * and the reports into {@code out}.
 *
 * @param outDir the folder for everything the run writes
 * @param history earlier runs for the baselines of relative objectives
 * @param policy the gate's policy
 * @param maxParallel how many probe groups run at once, or empty for the spec's setting
 * @param historyAdd a history folder to store the finished run in, or null
 */
public record RunPlan(Path outDir, History history, GatePolicy policy, OptionalInt maxParallel, Path historyAdd) {

    public RunPlan {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(maxParallel, "maxParallel");
    }

    /** Into {@code outDir}, no history, the default gate, the spec's parallelism. */
    public static RunPlan into(Path outDir) {
        return new RunPlan(outDir, History.empty(), GatePolicy.DEFAULT, OptionalInt.empty(), null);
    }

    /** The folder of the before-run. */
    public Path beforeDir() {
        return outDir.resolve("before");
    }

    /** The folder of the tuning's evidence. */
    public Path tuningDir() {
        return outDir.resolve("tuning");
    }

    /** The folder of the after-run. */
    public Path afterDir() {
        return outDir.resolve("after");
    }
}
