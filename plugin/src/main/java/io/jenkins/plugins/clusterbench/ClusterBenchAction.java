package io.jenkins.plugins.clusterbench;

import hudson.model.Action;
import hudson.model.Run;
import io.clusterbench.result.EffectTable;
import io.clusterbench.result.EffectVerdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;

/**
 * The small summary a build keeps of its benchmark (score, verdict, failed objectives, headline metrics, objectives
 * with explanations, changes, the spec's trend metrics), shown on the build page and its own page and read by the
 * job's trend, so that nothing ever re-parses archived result.json files.
 *
 * <p>A plain class rather than a record: Jenkins stores build actions with XStream, which cannot set a record's fields.
 * Fields added after the first release may be null in builds saved before them; getters turn that into empty.
 */
public final class ClusterBenchAction implements RunAction2, SimpleBuildStep.LastBuildAction {
    /** Shared with {@link ClusterBenchJobAction}: the trend chart opens {@code <build>/<urlName>} on a click. */
    static final String URL_NAME = "clusterbench";

    private final Double score;
    private final String verdict;
    private final String resultPath;
    private final ArrayList<String> failedObjectives;
    private final TreeMap<String, Double> metrics;
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
    private transient Run<?, ?> run;

    ClusterBenchAction(Double score, String verdict, String resultPath, List<String> failedObjectives,
            Map<String, Double> metrics, BuildDetails details) {
        this(score, verdict, resultPath, failedObjectives, metrics, details, null, null, List.of());
    }

    private ClusterBenchAction(Double score, String verdict, String resultPath, List<String> failedObjectives,
            Map<String, Double> metrics, BuildDetails details, String tuningResultPath, String verifyResultPath,
            List<String> trendMetrics) {
        this.tuningResultPath = tuningResultPath;
        this.verifyResultPath = verifyResultPath;
        this.trendMetrics = new ArrayList<>(trendMetrics);
        this.score = score;
        this.verdict = verdict;
        this.resultPath = resultPath;
        this.failedObjectives = new ArrayList<>(failedObjectives);
        this.metrics = new TreeMap<>(metrics);
        this.details = details;
    }

    /** The summary of an outcome, with the objectives' explanations and the changes it carries. */
    static ClusterBenchAction of(BenchmarkOutcome outcome) {
        return of(outcome, outcome.details());
    }

    /** The summary of an outcome with the details its own page shows. */
    static ClusterBenchAction of(BenchmarkOutcome outcome, BuildDetails details) {
        return new ClusterBenchAction(outcome.score(), outcome.verdict(), outcome.resultPath(),
                outcome.failedObjectives(), outcome.metrics(), details, null, null, outcome.trendMetrics());
    }

    /**
     * The summary of a tuning run: unscored, with its changes. When the build already has a summary (a benchmark
     * before tuning), that summary stays and gains the changes, so the build page shows both.
     */
    static ClusterBenchAction ofTuning(String tuningResultPath, List<ChangeLine> changes, ClusterBenchAction earlier) {
        return ofTuning(tuningResultPath, null, new BuildDetails(List.of(), changes), earlier);
    }

    /**
     * The summary of a tuning run, as {@link #ofTuning(String, List, ClusterBenchAction)}, with the changes and, for
     * a verified tuning ({@code verifyResultPath} not null), the effect table of {@code tuning}.
     */
    static ClusterBenchAction ofTuning(String tuningResultPath, String verifyResultPath, BuildDetails tuning,
            ClusterBenchAction earlier) {
        if (earlier == null) {
            return new ClusterBenchAction(null, BenchmarkOutcome.UNSCORED, tuningResultPath, List.of(), Map.of(),
                    new BuildDetails(List.of(), tuning.getChanges(), tuning.getEffects(), tuning.getEffectDesign()),
                    null, verifyResultPath, List.of());
        }
        return new ClusterBenchAction(earlier.score, earlier.verdict, earlier.resultPath, earlier.getFailedObjectives(),
                earlier.getMetrics(), new BuildDetails(earlier.getObjectives(), tuning.getChanges(),
                        tuning.getEffects(), tuning.getEffectDesign()), tuningResultPath, verifyResultPath,
                earlier.getTrendMetrics());
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
        return new ClusterBenchAction(score, verdict, resultPath, getFailedObjectives(), getMetrics(),
                new BuildDetails(getObjectives(), earlier.getChanges(), earlier.getEffects(),
                        earlier.getEffectDesign()), earlierTuning, earlier.verifyResultPath, getTrendMetrics());
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

    /** The metrics of the objectives that failed, in spec order. */
    public List<String> getFailedObjectives() {
        return new ArrayList<>(failedObjectives);
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

    /** Every objective with its explanation, in spec order; empty when not scored. */
    public List<ObjectiveLine> getObjectives() {
        return details == null ? new ArrayList<>() : details.getObjectives();
    }

    /** Every tuning change with its before/after values; empty when the run tuned nothing. */
    public List<ChangeLine> getChanges() {
        return details == null ? new ArrayList<>() : details.getChanges();
    }

    /** The effect of a verified tuning per key metric, as the effect table's rows; empty when none was verified. */
    public List<EffectLine> getEffects() {
        return details == null ? new ArrayList<>() : details.getEffects();
    }

    /** The effect table's column titles, core's, so the page's table reads like the console's and the reports'. */
    public List<String> getEffectHeader() {
        return new ArrayList<>(EffectTable.HEADER);
    }

    /** The design line under the effect table, or null when no tuning was verified. */
    public String getEffectDesign() {
        return details == null ? null : details.getEffectDesign();
    }

    /** How many key metrics got each verdict, such as {@code 1 worse, 3 no detectable change}; empty without effects. */
    public String getEffectCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (EffectVerdict verdict : EffectVerdict.values()) {
            counts.put(verdict.words(), 0);
        }
        for (EffectLine effect : getEffects()) {
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
     * The artifacts a step archives beside result.json, relative to the build's artifact root; the page links them
     * (a link answers 404 where archiving was switched off).
     */
    public List<String> getArtifactPaths() {
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

    @Override
    public String getDisplayName() {
        return "Cluster Bench";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    @Override
    public Collection<? extends Action> getProjectActions() {
        // The trend comes from ClusterBenchJobAction.Factory for every job, also when no build succeeded (a gate
        // that fails every build is exactly when the trend matters); adding it here too would draw it twice.
        return List.of();
    }
}
