package io.jenkins.plugins.clusterbench;

import hudson.model.Action;
import hudson.model.Run;
import io.clusterbench.result.EffectTable;
import io.clusterbench.result.EffectVerdict;
import io.clusterbench.result.ResultIds;
import io.clusterbench.result.SummaryLimits;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;

/**
 * One result of a build, named by its id: the small summary (score, verdict, failed objectives, headline metrics,
 * the spec's trend metrics, effect counts, archived files) that build.xml keeps, shown in the build's summary table
 * and read by the job's trend for this id, so that nothing ever re-parses archived result.json files; and, in a file
 * of the build ({@link DetailsFile}), the details its own page shows (objectives with explanations, changes, effects).
 *
 * <p>A build has one of these per id: steps with different ids (before and after tuning, parallel stages) keep theirs
 * apart, and a later step with the same id replaces the earlier one's ({@link ClusterBenchResults}).
 *
 * <p>A plain class rather than a record: Jenkins stores build actions with XStream, which cannot set a record's fields.
 * Fields added after the first release may be null in builds saved before them; getters turn that into empty, and
 * such a build's {@link #details} still come from build.xml.
 */
public final class ClusterBenchAction implements RunAction2, SimpleBuildStep.LastBuildAction {
    /**
     * The URL of the result with the default id, and the prefix of every other's; shared with
     * {@link ClusterBenchJobAction}: the trend chart opens {@code <build>/<urlName>} on a click.
     */
    static final String URL_NAME = "clusterbench";

    /** Null in builds saved before ids existed: those had one result, the default id's. */
    private final String id;
    private final Double score;
    private final String verdict;
    private final String resultPath;
    private final ArrayList<String> failedObjectives;
    /** How many objectives failed, of which {@link #failedObjectives} names the first few; null in older builds. */
    private final Integer failedObjectiveCount;
    private final TreeMap<String, Double> metrics;
    /**
     * The page's details as builds before {@link DetailsFile} stored them, inside build.xml; null in newer builds,
     * which keep them in a file of the build.
     */
    private final BuildDetails details;
    /** Where applyTuning archived its evidence when another step's result is this action's; null otherwise. */
    private final String tuningResultPath;
    /**
     * Where applyTuning with verify: true wrote the verification's result.json and reports (the tuning's evidence is
     * then at {@link #tuningResultPath}); null otherwise and in builds saved before the field existed.
     */
    private final String verifyResultPath;
    /** The spec's trend.metrics, which the job's trend draws; null in builds saved before the field existed. */
    private final ArrayList<String> trendMetrics;
    /** The effect verdict counts of the summary row, so the row needs no details; null in older builds. */
    private final String effectCounts;
    /** The files archived for this result, relative to the artifact root; null when not known (older builds). */
    private final ArrayList<String> artifacts;
    /** One line per probe that searched for its capacity ({@link CapacityLine#getLine()}); null in older builds. */
    private final ArrayList<String> capacities;
    private transient Run<?, ?> run;
    /** The details once made or read; XStream leaves a transient field null on load, so they are read on demand. */
    private transient volatile BuildDetails loaded;

    ClusterBenchAction(String id, Double score, String verdict, String resultPath, List<String> failedObjectives,
            Map<String, Double> metrics, BuildDetails details) {
        this(id, score, verdict, resultPath, failedObjectives, failedObjectives.size(), metrics, details, null, null,
                List.of(), null, List.of());
    }

    private ClusterBenchAction(String id, Double score, String verdict, String resultPath,
            List<String> failedObjectives, int failedObjectiveCount, Map<String, Double> metrics,
            BuildDetails details, String tuningResultPath, String verifyResultPath, List<String> trendMetrics,
            List<String> artifacts, List<String> capacities) {
        this.id = id;
        this.tuningResultPath = tuningResultPath;
        this.verifyResultPath = verifyResultPath;
        this.trendMetrics = SummaryLimits.names(trendMetrics, SummaryLimits.MAX_TREND_METRICS);
        this.score = score;
        this.verdict = verdict;
        this.resultPath = resultPath;
        this.failedObjectives = SummaryLimits.names(failedObjectives, SummaryLimits.MAX_FAILED_OBJECTIVES);
        this.failedObjectiveCount = Math.max(failedObjectiveCount, this.failedObjectives.size());
        List<String> keptFirst = new ArrayList<>(trendMetrics);
        keptFirst.addAll(failedObjectives);
        this.metrics = SummaryLimits.metrics(metrics, keptFirst);
        this.details = null;
        this.loaded = details == null ? BuildDetails.none() : details;
        this.effectCounts = countsOf(this.loaded.getEffects());
        this.artifacts = artifacts == null ? null : new ArrayList<>(artifacts);
        this.capacities = SummaryLimits.names(capacities, SummaryLimits.MAX_CAPACITIES);
    }

    /** The summary of an outcome, recorded as the result {@code id}, with the details its own page shows. */
    static ClusterBenchAction of(BenchmarkOutcome outcome, String id) {
        return new ClusterBenchAction(id, outcome.score(), outcome.verdict(), outcome.resultPath(),
                outcome.failedObjectives(), outcome.failedObjectives().size(), outcome.metrics(), outcome.details(),
                null, null, outcome.trendMetrics(), null,
                outcome.capacities().stream().map(CapacityLine::getLine).toList());
    }

    /**
     * The summary of a tuning run: unscored, with its changes. When the build already has a result with this id (a
     * benchmark before tuning), that summary stays and gains the changes, so its page shows both.
     */
    static ClusterBenchAction ofTuning(String id, String tuningResultPath, List<ChangeLine> changes,
            ClusterBenchAction earlier) {
        return ofTuning(id, tuningResultPath, null, new BuildDetails(List.of(), changes), earlier);
    }

    /**
     * The summary of a tuning run, as {@link #ofTuning(String, String, List, ClusterBenchAction)}, with the changes
     * and, for a verified tuning ({@code verifyResultPath} not null), the effect table of {@code tuning}.
     */
    static ClusterBenchAction ofTuning(String id, String tuningResultPath, String verifyResultPath,
            BuildDetails tuning, ClusterBenchAction earlier) {
        if (earlier == null) {
            return new ClusterBenchAction(id, null, BenchmarkOutcome.UNSCORED, tuningResultPath, List.of(), 0,
                    Map.of(), new BuildDetails(List.of(), tuning.getChanges(), tuning.getEffects(),
                            tuning.getEffectDesign()), null, verifyResultPath, List.of(), null, List.of());
        }
        return new ClusterBenchAction(id, earlier.score, earlier.verdict, earlier.resultPath,
                earlier.getFailedObjectives(), earlier.getFailedObjectiveCount(), earlier.getMetrics(),
                new BuildDetails(earlier.getObjectives(), tuning.getChanges(), tuning.getEffects(),
                        tuning.getEffectDesign()), tuningResultPath, verifyResultPath, earlier.getTrendMetrics(),
                null, earlier.getCapacities());
    }

    /**
     * This summary, keeping the tuning changes and their effects (and the links to their evidence) of the summary it
     * replaces, because a benchmark after tuning measures the cluster those changes made and its page should say
     * what they were.
     */
    ClusterBenchAction keepingTuningOf(ClusterBenchAction earlier) {
        if (earlier == null || earlier.getChanges().isEmpty() || !getChanges().isEmpty()) {
            return this;
        }
        String earlierTuning = earlier.tuningResultPath != null ? earlier.tuningResultPath : earlier.resultPath;
        return new ClusterBenchAction(id, score, verdict, resultPath, getFailedObjectives(),
                getFailedObjectiveCount(), getMetrics(), new BuildDetails(getObjectives(), earlier.getChanges(),
                        earlier.getEffects(), earlier.getEffectDesign()), earlierTuning, earlier.verifyResultPath,
                getTrendMetrics(), artifacts, getCapacities());
    }

    /**
     * This summary, linking the files this step archived ({@code archived}, empty when it archived nothing) and those
     * the result it replaces had linked, so that its page links only files that exist.
     */
    ClusterBenchAction withArtifacts(List<String> archived, ClusterBenchAction earlier) {
        Set<String> paths = new LinkedHashSet<>();
        if (earlier != null && earlier.artifacts != null) {
            paths.addAll(earlier.artifacts);
        }
        paths.addAll(archived);
        return new ClusterBenchAction(id, score, verdict, resultPath, getFailedObjectives(),
                getFailedObjectiveCount(), getMetrics(), details(), tuningResultPath, verifyResultPath,
                getTrendMetrics(), new ArrayList<>(paths), getCapacities());
    }

    /** The result's id: letters, digits, {@code -} and {@code _}; {@code clusterbench} for builds saved before ids. */
    public String getId() {
        return id == null ? ResultIds.DEFAULT : id;
    }

    /** The total score from 0 to 100, or null when the run was not scored. */
    public Double getScore() {
        return score;
    }

    /** The score rounded to one decimal for display, or null when the run was not scored. */
    public String getScoreText() {
        return score == null ? null : String.format(Locale.ROOT, "%.1f", score);
    }

    /** The verdict's name, such as {@code PASS}, or {@code UNSCORED}. */
    public String getVerdict() {
        return verdict;
    }

    /** result.json relative to the workspace and to the build's artifacts. */
    public String getResultPath() {
        return resultPath;
    }

    /** The metrics of the objectives that failed, in spec order; at most the first 20 of them. */
    public List<String> getFailedObjectives() {
        return new ArrayList<>(failedObjectives);
    }

    /** How many objectives failed, also those {@link #getFailedObjectives()} does not name. */
    public int getFailedObjectiveCount() {
        return failedObjectiveCount == null ? getFailedObjectives().size() : failedObjectiveCount;
    }

    /** How many failed objectives the summary does not name; the result's page lists them all. */
    public int getUnnamedFailedObjectives() {
        return getFailedObjectiveCount() - getFailedObjectives().size();
    }

    /**
     * {@code probe.metric} to value: headline metrics, the objectives' measured values and the measured trend
     * metrics, sorted by name.
     */
    public Map<String, Double> getMetrics() {
        return metrics == null ? new TreeMap<>() : new TreeMap<>(metrics);
    }

    /**
     * The spec's {@code trend.metrics}, in spec order, which the job's trend draws when this is the newest build; empty
     * when the spec had no {@code trend:} section or the build was saved before summaries recorded them.
     */
    public List<String> getTrendMetrics() {
        return trendMetrics == null ? new ArrayList<>() : new ArrayList<>(trendMetrics);
    }

    /**
     * One line per probe that searched for its capacity, in run order, such as {@code lb: capacity_load 100 req/s
     * (rate), capacity_rps 98.5 req/s}, or the search's statement where it found none; empty for a build without
     * capacity searches or saved before summaries recorded them.
     */
    public List<String> getCapacities() {
        return capacities == null ? new ArrayList<>() : new ArrayList<>(capacities);
    }

    /**
     * The page's details: from build.xml in builds saved before {@link DetailsFile}, else made with this summary or
     * read from the build's file the first time the page asks (never by the trend, which reads summaries only).
     */
    BuildDetails details() {
        if (details != null) {
            return details;
        }
        BuildDetails known = loaded;
        if (known == null) {
            known = run == null ? BuildDetails.none() : DetailsFile.read(DetailsFile.folderOf(run.getRootDir()),
                    getId());
            loaded = known;
        }
        return known;
    }

    /** Every objective with its explanation, in spec order; empty when not scored. */
    public List<ObjectiveLine> getObjectives() {
        return details().getObjectives();
    }

    /** Every tuning change with its before/after values; empty when the run tuned nothing. */
    public List<ChangeLine> getChanges() {
        return details().getChanges();
    }

    /** The effect of a verified tuning per key metric, as the effect table's rows; empty when none was verified. */
    public List<EffectLine> getEffects() {
        return details().getEffects();
    }

    /** The effect table's column titles, core's, so the page's table reads like the console's and the reports'. */
    public List<String> getEffectHeader() {
        return new ArrayList<>(EffectTable.HEADER);
    }

    /** The design line under the effect table, or null when no tuning was verified. */
    public String getEffectDesign() {
        return details().getEffectDesign();
    }

    /**
     * How many key metrics got each verdict, such as {@code 1 worse, 3 no detectable change}; empty without effects.
     * Kept in the summary, so the build page's row reads no file.
     */
    public String getEffectCounts() {
        return effectCounts != null ? effectCounts : countsOf(getEffects());
    }

    private static String countsOf(List<EffectLine> effects) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (EffectVerdict verdict : EffectVerdict.values()) {
            counts.put(verdict.words(), 0);
        }
        for (EffectLine effect : effects) {
            counts.merge(effect.getVerdict(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((words, count) -> {
            if (count > 0) {
                parts.add(count + " " + words);
            }
        });
        return String.join(", ", parts);
    }

    /**
     * The files archived for this result, relative to the build's artifact root, which the page links: those the
     * steps with this id archived; for builds saved before that was recorded, the files a step archives beside each
     * result.json.
     */
    public List<String> getArtifactPaths() {
        if (artifacts != null) {
            return new ArrayList<>(artifacts);
        }
        List<String> paths = new ArrayList<>();
        addArtifactsBeside(resultPath, paths);
        addArtifactsBeside(tuningResultPath, paths);
        addArtifactsBeside(verifyResultPath, paths);
        return paths;
    }

    private static void addArtifactsBeside(String resultPath, List<String> paths) {
        if (resultPath == null) {
            return;
        }
        int slash = resultPath.lastIndexOf('/');
        String folder = slash < 0 ? "" : resultPath.substring(0, slash + 1);
        for (String name : RunArtifacts.FILES) {
            paths.add(folder + name);
        }
    }

    /** The build this summary belongs to; null only before Jenkins attaches it. */
    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    /** {@code Cluster Bench}, or {@code Cluster Bench: <id>} for any id but the default. */
    @Override
    public String getDisplayName() {
        return displayNameOf(getId());
    }

    /** {@code clusterbench} for the default id, {@code clusterbench-<id>} for any other, so each result has its own. */
    @Override
    public String getUrlName() {
        return urlNameOf(getId());
    }

    static String urlNameOf(String id) {
        return ResultIds.DEFAULT.equals(id) ? URL_NAME : URL_NAME + "-" + id;
    }

    static String displayNameOf(String id) {
        return ResultIds.DEFAULT.equals(id) ? Messages.ClusterBenchAction_DisplayName()
                : Messages.ClusterBenchAction_DisplayNameWithId(id);
    }

    /**
     * The job's trend for this id. Jenkins asks the actions of the job's last successful build only, so a job gets a
     * trend per id its last successful build recorded, and none before any build has recorded a result.
     */
    @Override
    public Collection<? extends Action> getProjectActions() {
        return List.of(new ClusterBenchJobAction(this));
    }
}
