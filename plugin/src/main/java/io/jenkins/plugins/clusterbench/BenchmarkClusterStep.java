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
 */
public final class BenchmarkClusterStep extends ClusterBenchStep {
    static final String DEFAULT_OUT = "clusterbench";

    private List<String> only = new ArrayList<>();

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
    }
}
