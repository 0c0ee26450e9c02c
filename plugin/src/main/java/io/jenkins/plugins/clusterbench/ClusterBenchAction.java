package io.jenkins.plugins.clusterbench;

import hudson.model.Action;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;

/**
 * The small summary a build keeps of its benchmark (score, verdict, failed objectives), shown on the build page and
 * read by the job's trend, so that nothing ever re-parses archived result.json files.
 *
 * <p>A plain class rather than a record: Jenkins stores build actions with XStream, which cannot set a record's fields.
 */
public final class ClusterBenchAction implements RunAction2, SimpleBuildStep.LastBuildAction {
    static final String URL_NAME = "clusterbench";

    private final Double score;
    private final String verdict;
    private final String resultPath;
    private final ArrayList<String> failedObjectives;
    private transient Run<?, ?> run;

    ClusterBenchAction(Double score, String verdict, String resultPath, List<String> failedObjectives) {
        this.score = score;
        this.verdict = verdict;
        this.resultPath = resultPath;
        this.failedObjectives = new ArrayList<>(failedObjectives);
    }

    static ClusterBenchAction of(BenchmarkOutcome outcome) {
        return new ClusterBenchAction(outcome.score(), outcome.verdict(), outcome.resultPath(),
                outcome.failedObjectives());
    }

    /** The total score from 0 to 100, or null when the run was not scored. */
    public Double getScore() {
        return score;
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
        // No side-panel link yet: the summary row on the build page is the way in until the action has its page.
        return null;
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
        // The job's trend chart action goes here (issue 6); until then the build adds nothing to its job.
        return List.of();
    }
}
