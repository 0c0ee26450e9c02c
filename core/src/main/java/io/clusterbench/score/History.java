package io.clusterbench.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
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

    private static final ObjectMapper PEEK = new ObjectMapper();
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
     * that is a Cluster Bench result. Files that are not JSON objects with a {@code runId} and a
     * {@code schemaVersion} are other files and skipped silently; files that cannot be read or parsed, results
     * that do not bind, results of a newer schema, and repeated run ids (the first by path wins) are skipped with
     * a warning each.
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
                    .sorted().toList();
        } catch (IOException | RuntimeException e) {
            throw new ClusterBenchException(Kind.INVALID_INPUT,
                    folder + ": cannot list the history folder: " + e.getMessage(), e);
        }
        List<RunResult> runs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            if (!looksLikeResult(file, warnings)) {
                continue;
            }
            try {
                RunResult run = ResultFiles.read(file);
                if (ids.add(run.runId())) {
                    runs.add(run);
                } else {
                    warnings.add(file + ": run " + run.runId() + " was already read from another file; skipped");
                }
            } catch (ClusterBenchException | RuntimeException e) {
                warnings.add(e.getMessage() + "; skipped");
            }
        }
        return new History(runs, warnings);
    }

    private static boolean looksLikeResult(Path file, List<String> warnings) {
        try {
            JsonNode tree = PEEK.readTree(file.toFile());
            return tree != null && tree.isObject() && tree.has("runId") && tree.has("schemaVersion");
        } catch (IOException e) {
            warnings.add(file + ": unreadable: " + e.getMessage().lines().findFirst().orElse("") + "; skipped");
            return false;
        }
    }
}
