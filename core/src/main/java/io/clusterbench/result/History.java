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
     * @throws ClusterBenchException of kind INVALID_INPUT when {@code folder} is not a readable folder
     */
    public static History read(Path folder) throws ClusterBenchException {
        if (!Files.isDirectory(folder)) {
            throw new ClusterBenchException(Kind.INVALID_INPUT, folder + ": the history folder does not exist or is"
                    + " not a folder; give a folder of earlier result.json files, or leave the option out");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
            files = walk.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .map(f -> f.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException | RuntimeException e) {
            throw new ClusterBenchException(Kind.INVALID_INPUT,
                    folder + ": cannot list the history folder: " + e.getMessage(), e);
        }
        Set<Path> runFolders = new HashSet<>();
        files.stream().filter(f -> f.getFileName().toString().equals(ResultFiles.RESULT_JSON))
                .forEach(f -> runFolders.add(f.getParent()));
        List<String> warnings = new ArrayList<>();
        Map<String, Found> byId = new LinkedHashMap<>();
        for (Path file : files) {
            if (RunFolders.isPartOfAnotherRun(file.getParent(), folder, runFolders)) {
                continue;
            }
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
