package io.clusterbench.trend;

import io.clusterbench.result.TrendData;
import io.clusterbench.result.TrendModel;
import io.clusterbench.result.RunSummary;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunFolders;
import io.clusterbench.result.RunResult;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the trend of a history folder from the runs' summaries, creating the summaries that are missing or stale.
 *
 * <p>A history folder is any folder tree holding {@code result.json} files, one run per folder (for example
 * {@code history/<runId>/result.json}). Beside each result the trend keeps {@code run-summary.json}; later builds
 * read only those, so a build over 10,000 runs reads 10,000 small files, not 10,000 full results.
 */
public final class Trend {

    /**
     * The most runs one trend charts: the newest by file time. 10,000 runs build in about a second from their
     * summaries (docs/performance.md); a chart draws at most 2,000 points of a line anyway.
     */
    public static final int MAX_RUNS = 20_000;
    /**
     * The most bytes of result.json one trend reads to make missing summaries; the runs past it are summarised by
     * the next trend, so a first trend over a large history takes several commands of bounded time, not one of
     * unbounded time.
     */
    public static final long MAX_RESULT_BYTES = 1024L * 1024 * 1024;

    private Trend() {
    }

    /** Builds the trend with the objectives' metrics only. */
    public static TrendData build(Path historyDir) throws ClusterBenchException {
        return build(historyDir, List.of());
    }

    /**
     * Builds the trend of every run under {@code historyDir}.
     *
     * @param historyDir a folder tree holding {@code result.json} files
     * @param metrics extra metrics to chart, {@code probe.metric}; objectives' metrics are always charted
     * @throws ClusterBenchException when the folder does not exist or a metric name is malformed; runs that cannot
     *     be read do not fail the build, they are listed in {@link TrendData#skipped}
     */
    public static TrendData build(Path historyDir, List<String> metrics) throws ClusterBenchException {
        return build(historyDir, metrics, MAX_RUNS, MAX_RESULT_BYTES);
    }

    /** Builds as {@link #build(Path, List)} does, within {@code maxRuns} runs and {@code maxResultBytes}. */
    static TrendData build(Path historyDir, List<String> metrics, int maxRuns, long maxResultBytes)
            throws ClusterBenchException {
        List<String> selected = checkedSelections(metrics);
        if (!Files.isDirectory(historyDir)) {
            throw new ClusterBenchException(Kind.INVALID_INPUT, historyDir + ": no such folder; name the folder"
                    + " that holds the runs' result.json files (for example history/<runId>/result.json)");
        }
        Map<Path, RunFolder> folders = findRunFolders(historyDir);
        // A run's before/tuning/after results are parts of it, as History reads them (RunFolders).
        Set<Path> withResult = new HashSet<>();
        folders.values().stream().filter(f -> f.result != null).forEach(f -> withResult.add(f.dir));
        folders.keySet().removeIf(dir -> RunFolders.isPartOfAnotherRun(dir, historyDir, withResult));
        List<RunFolder> newestFirst = new ArrayList<>(folders.values());
        newestFirst.sort(Comparator.comparingLong(RunFolder::modifiedMs).reversed());
        List<String> limits = new ArrayList<>();
        if (newestFirst.size() > maxRuns) {
            limits.add(historyDir + ": charted the newest " + maxRuns + " of " + newestFirst.size() + " run folders"
                    + " (by file time): a trend charts at most " + maxRuns + " runs; move older runs out of the"
                    + " folder to silence this");
            newestFirst = newestFirst.subList(0, maxRuns);
        }
        AtomicLong budget = new AtomicLong(maxResultBytes);
        List<Loaded> loaded = newestFirst.parallelStream()
                .map(folder -> load(folder, selected, budget))
                .toList();
        long deferred = loaded.stream().filter(Loaded::deferred).count();
        if (deferred > 0) {
            limits.add(historyDir + ": " + deferred + " runs not charted yet: a trend reads at most "
                    + (maxResultBytes + 1024 * 1024 - 1) / (1024 * 1024) + " MiB of result.json per command to make the summaries it"
                    + " lacks, and the summaries made stay; run the trend again to chart them");
        }
        return assemble(historyDir, selected, loaded, limits);
    }

    /**
     * Writes the {@code run-summary.json} beside a result, so the next trend reads the summary only.
     *
     * @throws ClusterBenchException when the result cannot be read or the summary cannot be written
     */
    public static void summarise(Path resultFile) throws ClusterBenchException {
        RunFolder folder = new RunFolder(resultFile.toAbsolutePath().normalize().getParent());
        try {
            folder.result = Files.readAttributes(resultFile, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new ClusterBenchException(Kind.ENVIRONMENT, "cannot read " + resultFile + ": " + e.getMessage(), e);
        }
        Loaded loaded = load(folder, List.of(), new AtomicLong(Long.MAX_VALUE));
        if (loaded.problem() != null) {
            throw new ClusterBenchException(Kind.ENVIRONMENT, loaded.problem());
        }
    }

    private static List<String> checkedSelections(List<String> metrics) throws ClusterBenchException {
        Set<String> unique = new LinkedHashSet<>();
        for (String metric : metrics) {
            int dot = metric.indexOf('.');
            if (dot <= 0 || dot == metric.length() - 1) {
                throw new ClusterBenchException(Kind.INVALID_INPUT, "--metric " + metric
                        + ": name a metric as probe.metric, for example cache-latency.get.p99_ms");
            }
            unique.add(metric);
        }
        return List.copyOf(unique);
    }

    /** One folder that holds a result, a summary, or both. */
    private static final class RunFolder {
        final Path dir;
        BasicFileAttributes result;
        boolean summary;
        long summaryModifiedMs;

        RunFolder(Path dir) {
            this.dir = dir;
        }

        /** When the folder's run was last written: its result, or its summary where it has no result. */
        long modifiedMs() {
            return result != null ? result.lastModifiedTime().toMillis() : summaryModifiedMs;
        }
    }

    /**
     * What one folder gave: a summary, or the reason it gave none.
     *
     * @param deferred whether its summary was not made because this command's bytes of result.json were spent
     */
    private record Loaded(RunSummary summary, boolean created, String problem, boolean deferred) {
        Loaded(RunSummary summary, boolean created, String problem) {
            this(summary, created, problem, false);
        }
    }

    private static Map<Path, RunFolder> findRunFolders(Path historyDir) throws ClusterBenchException {
        Map<Path, RunFolder> folders = new TreeMap<>();
        try {
            Files.walkFileTree(historyDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String name = file.getFileName().toString();
                    if (name.equals(ResultFiles.RESULT_JSON) && attributes.isRegularFile()) {
                        folders.computeIfAbsent(file.getParent().toAbsolutePath().normalize(), RunFolder::new).result = attributes;
                    } else if (name.equals(SummaryFiles.SUMMARY_JSON)) {
                        RunFolder folder = folders.computeIfAbsent(file.getParent().toAbsolutePath().normalize(),
                                RunFolder::new);
                        folder.summary = true;
                        folder.summaryModifiedMs = attributes.lastModifiedTime().toMillis();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // An unreadable subfolder hides its runs only; the rest of the history still counts.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new ClusterBenchException(Kind.ENVIRONMENT, "cannot list " + historyDir + ": " + e.getMessage(), e);
        }
        return folders;
    }

    private static Loaded load(RunFolder folder, List<String> selected, AtomicLong budget) {
        Path summaryFile = folder.dir.resolve(SummaryFiles.SUMMARY_JSON);
        SummaryFiles.Stored stored = folder.summary ? SummaryFiles.readOrNull(summaryFile) : null;
        if (stored != null && (folder.result == null
                || (stored.derivedFrom(folder.result) && stored.covers(selected)))) {
            return new Loaded(stored.run(), false, null);
        }
        if (folder.result == null) {
            return new Loaded(null, false, summaryFile + ": unreadable summary and no result.json beside it");
        }
        // A result over the size limit is refused unread (and listed): it spends nothing.
        long cost = folder.result.size() > ResultFiles.maxBytes() ? 0 : folder.result.size();
        if (budget.addAndGet(-cost) < 0) {
            return new Loaded(null, false, null, true);
        }
        Path resultFile = folder.dir.resolve(ResultFiles.RESULT_JSON);
        RunResult result;
        try {
            result = ResultFiles.read(resultFile);
        } catch (ClusterBenchException e) {
            return new Loaded(null, false, e.getMessage());
        }
        Set<String> selections = new TreeSet<>(selected);
        if (stored != null) {
            selections.addAll(stored.selections());
        }
        RunSummary summary = RunSummary.of(result, selections);
        try {
            SummaryFiles.write(new SummaryFiles.Stored(SummaryFiles.SUMMARY_VERSION, folder.result.size(),
                    folder.result.lastModifiedTime().toMillis(), List.copyOf(selections), summary), summaryFile);
        } catch (IOException e) {
            // A read-only history (an archive) still gets its trend, derived again next time.
            return new Loaded(summary, true, summaryFile + ": cannot write the summary (" + e.getMessage()
                    + "); the next trend will read result.json again");
        }
        return new Loaded(summary, true, null);
    }

    private static TrendData assemble(Path historyDir, List<String> selected, List<Loaded> loaded,
            List<String> limits) {
        List<String> skipped = new ArrayList<>(limits);
        List<RunSummary> runs = new ArrayList<>();
        int reused = 0;
        int created = 0;
        for (Loaded one : loaded) {
            if (one.problem() != null) {
                skipped.add(one.problem());
            }
            if (one.summary() != null) {
                runs.add(one.summary());
                if (one.created()) {
                    created++;
                } else {
                    reused++;
                }
            }
        }
        runs.sort(Comparator.comparing(RunSummary::startedAt).thenComparing(RunSummary::runId));
        runs = withoutDuplicateRunIds(runs, skipped);

        List<String> chosen = TrendModel.chooseMetrics(runs, selected);
        Map<String, String> units = new HashMap<>();
        for (int i = runs.size() - 1; i >= 0; i--) {
            runs.get(i).units().forEach(units::putIfAbsent);
        }
        units.keySet().retainAll(chosen);
        return new TrendData(historyDir, runs, chosen, units, skipped, reused, created);
    }

    /** A run copied into two folders would count twice; the first in time order stays. */
    private static List<RunSummary> withoutDuplicateRunIds(List<RunSummary> runs, List<String> skipped) {
        Set<String> seen = new HashSet<>();
        List<RunSummary> unique = new ArrayList<>(runs.size());
        for (RunSummary run : runs) {
            if (seen.add(run.runId())) {
                unique.add(run);
            } else {
                skipped.add("run " + run.runId() + ": found in two folders; counted once");
            }
        }
        return unique;
    }
}
