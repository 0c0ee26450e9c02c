package io.jenkins.plugins.clusterbench;

import hudson.Extension;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The Pipeline step {@code mergeResults}: merges the result.json of every shard of one run (each from a
 * {@code benchmarkCluster(shard: 'i/N', runId: ...)} branch, unstashed into this workspace) into the run they
 * measured together, scores it against the spec and records it like {@code benchmarkCluster} does. The merge is
 * core's; this step only adapts files and the build.
 *
 * <pre>{@code
 * mergeResults spec: 'cluster.yaml', results: ['shard1', 'shard2'], out: 'merged'
 * }</pre>
 */
public final class MergeResultsStep extends ClusterBenchStep {
    static final String DEFAULT_OUT = "clusterbench-merged";
    /** As the CLI's {@code merge --max-clock-offset}. */
    static final double DEFAULT_MAX_CLOCK_OFFSET_MS = 50;

    private final List<String> results;
    private double maxClockOffset = DEFAULT_MAX_CLOCK_OFFSET_MS;

    @DataBoundConstructor
    public MergeResultsStep(String spec, List<String> results) {
        super(spec);
        this.results = results == null ? new ArrayList<>() : new ArrayList<>(results);
    }

    @Override
    protected String defaultOut() {
        return DEFAULT_OUT;
    }

    /** Each shard's result.json, or the folder holding it, relative to the workspace. */
    public List<String> getResults() {
        return new ArrayList<>(results);
    }

    /** The largest clock offset to the controller, in ms, a shard may have had. */
    public double getMaxClockOffset() {
        return maxClockOffset;
    }

    @DataBoundSetter
    public void setMaxClockOffset(double maxClockOffset) {
        this.maxClockOffset = maxClockOffset;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new MergeResultsExecution(this, context);
    }

    /** Registers the step under its Pipeline name. */
    @Extension
    @Symbol("mergeResults")
    public static final class DescriptorImpl extends ClusterBenchStepDescriptor {
        @Override
        public String getFunctionName() {
            return "mergeResults";
        }

        @Override
        public String getDisplayName() {
            return Messages.MergeResultsStep_DisplayName();
        }
    }
}
