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
public final class BenchmarkClusterStep extends Step {
    static final String DEFAULT_OUT = "clusterbench";

    private final String spec;
    private String out = DEFAULT_OUT;
    private List<String> only = new ArrayList<>();
    private boolean archive = true;
    private List<CredentialBinding> credentials = new ArrayList<>();

    @DataBoundConstructor
    public BenchmarkClusterStep(String spec) {
        this.spec = spec;
    }

    /** The spec file, relative to the workspace. */
    public String getSpec() {
        return spec;
    }

    /** The folder, relative to the workspace, that receives result.json and the reports. */
    public String getOut() {
        return out;
    }

    @DataBoundSetter
    public void setOut(String out) {
        this.out = out == null || out.isBlank() ? DEFAULT_OUT : out.trim();
    }

    /** The probe ids to run; empty runs every probe of the spec. */
    public List<String> getOnly() {
        return new ArrayList<>(only);
    }

    @DataBoundSetter
    public void setOnly(List<String> only) {
        this.only = only == null ? new ArrayList<>() : new ArrayList<>(only);
    }

    /** Jenkins credentials bound to the names the spec reads with ${env:NAME}; looked up for this build. */
    public List<CredentialBinding> getCredentials() {
        return new ArrayList<>(credentials);
    }

    @DataBoundSetter
    public void setCredentials(List<CredentialBinding> credentials) {
        this.credentials = credentials == null ? new ArrayList<>() : new ArrayList<>(credentials);
    }

    /** Whether result.json, evidence and the reports are archived as build artifacts. */
    public boolean isArchive() {
        return archive;
    }

    @DataBoundSetter
    public void setArchive(boolean archive) {
        this.archive = archive;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new BenchmarkClusterExecution(this, context);
    }

    /** Registers the step under its Pipeline name. */
    @Extension
    @Symbol("benchmarkCluster")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            // FilePath and Launcher make the step run inside node {}, on the agent that holds the workspace.
            return Set.of(Run.class, FilePath.class, Launcher.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "benchmarkCluster";
        }

        @Override
        public String getDisplayName() {
            return "Benchmark a cluster with Cluster Bench";
        }
    }
}
