package io.jenkins.plugins.clusterbench;

import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import hudson.util.FormValidation;

/**
 * The Pipeline step {@code benchmarkCluster}: benchmarks the cluster a spec in the workspace describes, on the agent
 * that holds the workspace, and returns a map with the score, the verdict, result.json's path and headline metrics.
 *
 * <pre>{@code
 * node('bench') {
 *     def r = benchmarkCluster spec: 'cluster.yaml', out: 'clusterbench'
 *     echo "score ${r.score}, verdict ${r.verdict}"
 * }
 * }</pre>
 *
 * <p>With {@code shard: 'i/N'} and {@code runId} it runs one shard of a run spread over several agents, each
 * sending 1/N of the load from the common {@code startAt}, and records the agent's clock offset to the controller;
 * {@code mergeResults} merges the shards (docs/distributed.md).
 */
public final class BenchmarkClusterStep extends ClusterBenchStep {
    static final String DEFAULT_OUT = "clusterbench";

    private List<String> only = new ArrayList<>();
    private String shard;
    private String runId;
    private String startAt;

    @DataBoundConstructor
    public BenchmarkClusterStep(String spec) {
        super(spec);
    }

    @Override
    protected String defaultOut() {
        return DEFAULT_OUT;
    }

    /** The probe ids to run; empty runs every probe of the spec. */
    public List<String> getOnly() {
        return new ArrayList<>(only);
    }

    @DataBoundSetter
    public void setOnly(List<String> only) {
        this.only = only == null ? new ArrayList<>() : new ArrayList<>(only);
    }

    /** {@code i/N} to run as shard i of N, or null for the whole load. */
    public String getShard() {
        return shard;
    }

    @DataBoundSetter
    public void setShard(String shard) {
        this.shard = blankToNull(shard);
    }

    /** The run id every shard of the run shares. */
    public String getRunId() {
        return runId;
    }

    @DataBoundSetter
    public void setRunId(String runId) {
        this.runId = blankToNull(runId);
    }

    /** The UTC instant at which every shard starts its load, or null to start at once. */
    public String getStartAt() {
        return startAt;
    }

    @DataBoundSetter
    public void setStartAt(String startAt) {
        this.startAt = blankToNull(startAt);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new BenchmarkClusterExecution(this, context);
    }

    /** Registers the step under its Pipeline name. */
    @Extension
    @Symbol("benchmarkCluster")
    public static final class DescriptorImpl extends ClusterBenchStepDescriptor {
        @Override
        public String getFunctionName() {
            return "benchmarkCluster";
        }

        @Override
        public String getDisplayName() {
            return Messages.BenchmarkClusterStep_DisplayName();
        }

        /** Blank, or {@code i/N}. */
        public FormValidation doCheckShard(@QueryParameter String value) {
            return FormChecks.shard(value).toFormValidation();
        }

        /** Blank, or a run id in core's characters. */
        public FormValidation doCheckRunId(@QueryParameter String value) {
            return FormChecks.runId(value).toFormValidation();
        }

        /** Blank, or a UTC instant. */
        public FormValidation doCheckStartAt(@QueryParameter String value) {
            return FormChecks.startAt(value).toFormValidation();
        }
    }
}
