package io.jenkins.plugins.clusterbench;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.echarts.AsyncTrendChart;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;
import org.kohsuke.stapler.bind.JavaScriptMethod;

/**
 * The job page's Cluster Bench trend (its {@code floatingBox.jelly}): score per build coloured by verdict and the
 * metrics the newest build's spec chose in its {@code trend:} section (or a few picked by default), drawn from the
 * small summaries in the builds' {@link ClusterBenchAction}s, never from archived files. The chart itself is
 * {@link TrendSeries}; this class only walks the builds.
 */
public final class ClusterBenchJobAction implements Action, AsyncTrendChart {
    /** How many recent builds the chart shows and {@link #isTrendVisible()} looks at; echarts-api's default. */
    static final int MAX_BUILDS = 50;

    private final Job<?, ?> job;

    ClusterBenchJobAction(Job<?, ?> job) {
        this.job = job;
    }

    /** The job whose builds the chart draws. */
    public Job<?, ?> getJob() {
        return job;
    }

    @Override
    @JavaScriptMethod
    public String getBuildTrendModel() {
        List<TrendPoint> points = new ArrayList<>();
        ClusterBenchAction newest = null;
        int seen = 0;
        for (Run<?, ?> run = job.getLastBuild(); run != null && seen < MAX_BUILDS; run = run.getPreviousBuild()) {
            seen++;
            ClusterBenchAction action = run.getAction(ClusterBenchAction.class);
            if (action != null) {
                points.add(TrendPoint.of(run.getNumber(), run.getDisplayName(), action));
                if (newest == null) {
                    newest = action;
                }
            }
        }
        // The newest build's spec decides, so a change to trend.metrics shows with the next build.
        List<String> metrics = newest == null ? List.of() : newest.getTrendMetrics();
        return TrendSeries.toJson(points, TrendSeries.model(points, metrics));
    }

    @Override
    public boolean isTrendVisible() {
        int seen = 0;
        for (Run<?, ?> run = job.getLastBuild(); run != null && seen < MAX_BUILDS; run = run.getPreviousBuild()) {
            seen++;
            if (run.getAction(ClusterBenchAction.class) != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String getIconFileName() {
        return null; // the chart on the job page is the way in; no side-panel link
    }

    @Override
    public String getDisplayName() {
        return "Cluster Bench trend";
    }

    @Override
    public String getUrlName() {
        // The same as the build action's: echarts-api opens <build>/<urlName> when a point is clicked.
        return ClusterBenchAction.URL_NAME;
    }

    /**
     * Adds the trend to every job, not only through the last successful build's action (core's LastBuildAction
     * path), so the chart stays on the page when a failing gate has failed every recent build.
     */
    @Extension
    @SuppressWarnings("rawtypes")
    public static final class Factory extends TransientActionFactory<Job> {
        @Override
        public Class<Job> type() {
            return Job.class;
        }

        @Override
        public Collection<? extends Action> createFor(Job target) {
            return List.of(new ClusterBenchJobAction(target));
        }
    }
}
