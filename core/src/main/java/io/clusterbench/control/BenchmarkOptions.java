package io.clusterbench.control;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to run a benchmark.
 *
 * @param outDir where {@code result.json} goes; created if missing
 * @param only the probe ids to run, or empty for all
 * @param maxParallel how many probe groups run at once; empty takes the spec's {@code settings.maxParallelProbes}
 * @param progressInterval how often the listener hears progress
 * @param rounds how many rounds every probe measures, in place of each probe's own {@code rounds}; empty for theirs
 * @param shard which shard of a run spread over several machines this benchmark is; empty for a whole run
 */
public record BenchmarkOptions(Path outDir, List<String> only, OptionalInt maxParallel, Duration progressInterval,
        OptionalInt rounds, Optional<ShardRun> shard) {

    public BenchmarkOptions {
        Objects.requireNonNull(outDir, "outDir");
        only = List.copyOf(only);
        Objects.requireNonNull(maxParallel, "maxParallel");
        if (maxParallel.isPresent()) {
            checkParallel("maxParallel", maxParallel.getAsInt());
        }
        Objects.requireNonNull(progressInterval, "progressInterval");
        Objects.requireNonNull(rounds, "rounds");
        if (rounds.isPresent() && rounds.getAsInt() < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds.getAsInt());
        }
        Objects.requireNonNull(shard, "shard");
    }

    /** A whole run, not a shard. */
    public BenchmarkOptions(Path outDir, List<String> only, OptionalInt maxParallel, Duration progressInterval,
            OptionalInt rounds) {
        this(outDir, only, maxParallel, progressInterval, rounds, Optional.empty());
    }

    /** The same options, run as this shard. */
    public BenchmarkOptions shard(ShardRun run) {
        return new BenchmarkOptions(outDir, only, maxParallel, progressInterval, rounds, Optional.of(run));
    }

    /** With each probe's own rounds. */
    public BenchmarkOptions(Path outDir, List<String> only, OptionalInt maxParallel, Duration progressInterval) {
        this(outDir, only, maxParallel, progressInterval, OptionalInt.empty());
    }

    /** The same options with every probe measuring {@code count} rounds. */
    public BenchmarkOptions rounds(int count) {
        return new BenchmarkOptions(outDir, only, maxParallel, progressInterval, OptionalInt.of(count), shard);
    }

    /** The most probe groups that may run at once. */
    public static final int MAX_PARALLEL = 256;

    /**
     * The one range rule for the parallelism, for fronts that check an option before anything runs.
     *
     * @throws IllegalArgumentException "NAME must be a whole number from 1 to 256, got VALUE"
     */
    public static void checkParallel(String name, int value) {
        if (value < 1 || value > MAX_PARALLEL) {
            throw new IllegalArgumentException(name + " must be a whole number from 1 to " + MAX_PARALLEL + ", got "
                    + value);
        }
    }

    /** All probes, the spec's parallelism, progress every second. */
    public static BenchmarkOptions into(Path outDir) {
        return new BenchmarkOptions(outDir, List.of(), OptionalInt.empty(), Duration.ofSeconds(1));
    }

    /** The same options for only these probes. */
    public BenchmarkOptions only(List<String> probeIds) {
        return new BenchmarkOptions(outDir, probeIds, maxParallel, progressInterval, rounds, shard);
    }
}
