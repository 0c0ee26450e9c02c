package io.clusterbench.result;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.InputFiles;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunFolders;
import io.clusterbench.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Earlier runs to take baselines from, oldest first, with the warnings met while reading them.
 *
 * @param runs earlier results sorted by {@code startedAt}, then {@code runId}
 * @param warnings one line per file that looked like a result but could not be read, or repeated a run id
 */
public record History(List<RunResult> runs, List<String> warnings) {

    /** How deep {@link #read} looks below the folder: {@code history/build-12/out/result.json} is found. */
    static final int MAX_DEPTH = 4;
    /**
     * The most runs one read takes, newest first: a baseline needs the last few, and every run read is held in
     * memory until the command ends.
     */
    public static final int MAX_RUNS = 1_000;
    /**
     * The most bytes of files one read takes, newest first: two results at the size limit. A run in memory takes
     * about twice its file, so a read stays within 256 MiB of heap and a few seconds.
     */
    public static final long MAX_TOTAL_BYTES = 128L * 1024 * 1024;

    /** The trend's summary kept beside a result: never a result itself, so it counts toward no run. */
    private static final String SUMMARY_JSON = "run-summary.json";

    private static final Comparator<RunResult> OLDEST_FIRST =
            Comparator.comparing(RunResult::startedAt).thenComparing(RunResult::runId);

    public History {
        runs = runs.stream().sorted(OLDEST_FIRST).toList();
        warnings = List.copyOf(warnings);
    }

    /** No earlier runs. */
    public static History empty() {
        return new History(List.of(), List.of());
    }

    /** Earlier runs already in memory (for example earlier Jenkins builds' results), sorted. */
    public static History of(List<RunResult> runs) {
        return new History(runs, List.of());
    }

    /**
     * Reads every {@code *.json} file in {@code folder} and its subfolders (up to {@value #MAX_DEPTH} levels)
     * that is a Cluster Bench result. A folder that holds a {@code result.json} is one run: results below it (the
     * {@code before/}, {@code tuning/} and {@code after/} parts of {@code clusterbench run}) are parts of that run
     * and not read as runs (see {@link RunFolders}). Where one run id appears in several files, the scored one
     * wins, then the one nearest the top. Files that are not JSON objects with a {@code runId} and a
     * {@code schemaVersion} are other files and skipped silently; files that cannot be read or parsed, results
     * that do not bind, results of a newer schema, and repeated run ids are skipped with a warning each.
     *
     * <p>The read is bounded: files are taken newest first (by modification time) until {@value #MAX_RUNS}
     * results or {@link #MAX_TOTAL_BYTES} bytes have been read; the older files are not read, and one warning
     * says how many and why.
     *
     * @throws ClusterBenchException of kind INVALID_INPUT when {@code folder} is not a readable folder
     */
    public static History read(Path folder) throws ClusterBenchException {
        return read(folder, MAX_RUNS, MAX_TOTAL_BYTES);
    }

    /** Reads as {@link #read(Path)} does, within {@code maxRuns} files and {@code maxBytes} bytes. */
    static History read(Path folder, int maxRuns, long maxBytes) throws ClusterBenchException {
        if (!Files.isDirectory(folder)) {
            throw new ClusterBenchException(Kind.INVALID_INPUT, folder + ": the history folder does not exist or is"
                    + " not a folder; give a folder of earlier result.json files, or leave the option out");
        }
        List<Candidate> candidates = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
            for (Path f : (Iterable<Path>) walk::iterator) {
                if (f.getFileName().toString().endsWith(".json")) {
                    BasicFileAttributes attributes = attributes(f);
                    if (attributes != null && attributes.isRegularFile()) {
                        candidates.add(new Candidate(f.toAbsolutePath().normalize(), attributes.size(),
                                attributes.lastModifiedTime().toMillis()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ClusterBenchException(Kind.INVALID_INPUT,
                    folder + ": cannot list the history folder: " + e.getMessage(), e);
        }
        Set<Path> runFolders = new HashSet<>();
        candidates.stream().map(Candidate::file)
                .filter(f -> f.getFileName().toString().equals(ResultFiles.RESULT_JSON))
                .forEach(f -> runFolders.add(f.getParent()));
        candidates.removeIf(c -> RunFolders.isPartOfAnotherRun(c.file().getParent(), folder, runFolders));
        List<String> warnings = new ArrayList<>();
        List<Path> files = withinBudget(folder, candidates, maxRuns, maxBytes, warnings);
        Map<String, Found> byId = new LinkedHashMap<>();
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = InputFiles.read(file, ResultFiles.maxBytes());
            } catch (InputFiles.Refused refused) {
                warnings.add(file + ": " + refused.getMessage() + "; skipped");
                continue;
            }
            ResultReader.Shape shape = ResultReader.shape(bytes);
            if (shape == ResultReader.Shape.MALFORMED) {
                warnings.add(file + ": unreadable: not well-formed JSON; skipped");
            }
            if (shape != ResultReader.Shape.RESULT) {
                continue;
            }
            try {
                Found found = new Found(file, ResultFiles.parse(bytes, file.toString()));
                Found earlier = byId.putIfAbsent(found.run().runId(), found);
                if (earlier != null) {
                    Found kept = earlier.betterThan(found) ? earlier : found;
                    Found dropped = kept == earlier ? found : earlier;
                    byId.put(kept.run().runId(), kept);
                    warnings.add(dropped.file() + ": run " + dropped.run().runId() + " is also in " + kept.file()
                            + ", which is kept (" + (kept.run().score() != null && dropped.run().score() == null
                                    ? "scored" : "nearer the top") + "); skipped");
                }
            } catch (ClusterBenchException e) {
                warnings.add(e.getMessage() + "; skipped");
            } catch (RuntimeException e) {
                warnings.add(file + ": cannot be used as a result (" + e.getClass().getSimpleName() + "); skipped");
            }
        }
        return new History(byId.values().stream().map(Found::run).toList(), warnings);
    }

    /** A file that may be a result, with what the folder listing says of it. */
    private record Candidate(Path file, long size, long modifiedMs) {
    }

    /**
     * The files to read, in path order: the newest (by modification time, then path) until {@code maxRuns} or
     * {@code maxBytes} would be passed. Every file counts toward the bytes; only results are read, but
     * which are results is known only after reading, so every file counts toward the runs too (a run folder holds
     * one result.json and at most a run-summary.json beside it, which is not counted).
     */
    private static List<Path> withinBudget(Path folder, List<Candidate> candidates, int maxRuns, long maxBytes,
            List<String> warnings) {
        List<Candidate> newestFirst = new ArrayList<>(candidates);
        newestFirst.sort(Comparator.comparingLong(Candidate::modifiedMs).reversed()
                .thenComparing(Candidate::file));
        List<Path> taken = new ArrayList<>();
        long bytes = 0;
        int runs = 0;
        int left = 0;
        for (Candidate candidate : newestFirst) {
            boolean summary = candidate.file().getFileName().toString().equals(SUMMARY_JSON);
            // A file over the size limit is refused unread, with its own warning: it costs nothing to skip.
            long cost = candidate.size() > ResultFiles.maxBytes() ? 0 : candidate.size();
            if (left > 0 || bytes + cost > maxBytes || (!summary && runs == maxRuns)) {
                left += summary ? 0 : 1;
                continue;
            }
            bytes += cost;
            runs += summary ? 0 : 1;
            taken.add(candidate.file());
        }
        if (left > 0) {
            warnings.add(folder + ": read the newest " + runs + " files (" + mebibytes(bytes) + " MiB) and left "
                    + left + " older ones unread: a history read takes at most " + maxRuns + " runs and "
                    + mebibytes(maxBytes) + " MiB, newest first by file time; baselines come from the newest"
                    + " runs, so move older runs out of the folder (or name a folder of the runs that matter) to"
                    + " silence this");
        }
        taken.sort(Comparator.naturalOrder());
        return taken;
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return null; // gone or unreadable since the listing: not a run
        }
    }

    private static long mebibytes(long bytes) {
        return (bytes + 1024 * 1024 - 1) / (1024 * 1024);
    }

    /** One result file and its run. */
    private record Found(Path file, RunResult run) {
        /** Scored beats unscored; then fewer folders deep; then the first by path. */
        boolean betterThan(Found other) {
            boolean scored = run.score() != null;
            if (scored != (other.run.score() != null)) {
                return scored;
            }
            return file.getNameCount() <= other.file.getNameCount();
        }
    }
}
