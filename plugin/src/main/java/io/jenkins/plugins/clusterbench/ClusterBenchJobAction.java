package io.jenkins.plugins.clusterbench;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.echarts.AsyncTrendChart;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.bind.JavaScriptMethod;

/**
 * The job's Cluster Bench trend for one result id: its chart on the job page ({@code floatingBox.jelly}) and its own
 * page at {@code job/<name>/<urlName>/} ({@code index.jelly}). Only {@link ClusterBenchAction#getProjectActions()}
 * makes one, for each result of the job's last successful build, so a job without results has none.
 *
 * <p>The chart draws the score per build coloured by verdict and the metrics the newest build's spec chose, from the
 * small summaries of the last {@link #MAX_BUILDS} builds ({@link TrendSeries}), never from archived files or the
 * details files; a page render walks no build, only the chart's own request does.
 */
public final class ClusterBenchJobAction implements Action, AsyncTrendChart {
    /** How many recent builds the chart shows; echarts-api's default. */
    static final int MAX_BUILDS = 50;

    /** The result of the job's last successful build that this trend belongs to. */
    private final ClusterBenchAction newest;

    ClusterBenchJobAction(ClusterBenchAction newest) {
        this.newest = newest;
    }

    /** The result id whose trend this is. */
    public String getId() {
        return newest.getId();
    }

    /** The last successful build's result with this id; the page links it. */
    public ClusterBenchAction getNewest() {
        return newest;
    }

    /** The job whose builds the chart draws. */
    public Job<?, ?> getJob() {
        return newest.getRun().getParent();
    }

    @Override
    @JavaScriptMethod
    public String getBuildTrendModel() {
        List<TrendSeries.BuildResults> builds = new ArrayList<>();
        int seen = 0;
        for (Run<?, ?> run = getJob().getLastBuild(); run != null && seen < MAX_BUILDS;
                run = run.getPreviousBuild()) {
            seen++;
            builds.add(new TrendSeries.BuildResults(run.getNumber(), run.getDisplayName(),
                    run.getActions(ClusterBenchAction.class)));
        }
        return TrendSeries.chartFor(getId(), builds);
    }

    /** Always: this action exists only because the last successful build recorded a result with this id. */
    @Override
    public boolean isTrendVisible() {
        return true;
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return Messages.ClusterBenchJobAction_DisplayName(newest.getDisplayName());
    }

    @Override
    public String getUrlName() {
        // The same as the build result's: echarts-api opens <build>/<urlName> when a point is clicked.
        return newest.getUrlName();
    }
}
