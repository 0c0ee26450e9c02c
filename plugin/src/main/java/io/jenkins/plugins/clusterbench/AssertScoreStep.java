package io.jenkins.plugins.clusterbench;

import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.clusterbench.result.GatePolicy;
import io.clusterbench.result.HistoryWindow;
import io.clusterbench.result.ResultFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The Pipeline step {@code assertScore}: scores this build's result against the spec's objectives, with baselines
 * from earlier builds of the job, prints every objective's explanation, and sets the build result.
 *
 * <pre>{@code
 * node('bench') {
 *     benchmarkCluster spec: 'cluster.yaml'
 *     assertScore spec: 'cluster.yaml', minimum: 85, unstableBelow: 90, baseline: 'lastPassing:5'
 * }
 * }</pre>
 *
 * <p>The build result is core's gate decision, the one {@code clusterbench assert} exits with: FAILURE (the step
 * fails, and with it the stage and the build) when the gate fails; UNSTABLE (stage and build) when it is unstable
 * (a WARNING or INCONCLUSIVE verdict the options let through, a score below {@code unstableBelow}).
 */
public final class AssertScoreStep extends ClusterBenchStep {
    private String result;
    private Double minimum;
    private Double unstableBelow;
    private String baseline = HistoryWindow.DEFAULT;
    private boolean failOnInconclusive;
    private boolean failOnWarning;

    @DataBoundConstructor
    public AssertScoreStep(String spec) {
        super(spec);
    }

    @Override
    protected String defaultOut() {
        return BenchmarkClusterStep.DEFAULT_OUT;
    }

    /** The result file to score, relative to the workspace, or null for the out folder's result.json. */
    public String getResult() {
        return result;
    }

    @DataBoundSetter
    public void setResult(String result) {
        this.result = result == null || result.isBlank() ? null : result.trim();
    }

    /** The score (0-100) below which the build fails, or null for the spec's {@code score.pass}. */
    public Double getMinimum() {
        return minimum;
    }

    @DataBoundSetter
    public void setMinimum(Double minimum) {
        this.minimum = minimum;
    }

    /** The score (0-100) below which a build that does not fail is UNSTABLE, or null. */
    public Double getUnstableBelow() {
        return unstableBelow;
    }

    @DataBoundSetter
    public void setUnstableBelow(Double unstableBelow) {
        this.unstableBelow = unstableBelow;
    }

    /** Which earlier builds give baselines: {@code lastPassing:N}, {@code last:N} or {@code none}. */
    public String getBaseline() {
        return baseline;
    }

    @DataBoundSetter
    public void setBaseline(String baseline) {
        this.baseline = baseline == null || baseline.isBlank() ? HistoryWindow.DEFAULT : baseline.trim();
    }

    /** Whether an INCONCLUSIVE verdict (no baseline yet, too little data) fails the build. */
    public boolean isFailOnInconclusive() {
        return failOnInconclusive;
    }

    @DataBoundSetter
    public void setFailOnInconclusive(boolean failOnInconclusive) {
        this.failOnInconclusive = failOnInconclusive;
    }

    /** Whether a WARNING verdict fails the build (otherwise it is UNSTABLE). */
    public boolean isFailOnWarning() {
        return failOnWarning;
    }

    @DataBoundSetter
    public void setFailOnWarning(boolean failOnWarning) {
        this.failOnWarning = failOnWarning;
    }

    /**
     * The gate's policy, the same four settings as {@code clusterbench assert}'s options.
     *
     * @throws IllegalArgumentException naming the option and its range
     */
    GatePolicy policy() {
        GatePolicy.checkScore("minimum", minimum);
        GatePolicy.checkScore("unstableBelow", unstableBelow);
        return new GatePolicy(minimum, unstableBelow, failOnWarning, failOnInconclusive);
    }

    /** The scored file's folder: its result is the one this step replaces with the scored summary. */
    @Override
    protected String resultFolder() {
        String path = resultPath();
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The file scored, relative to the workspace, with {@code /} separators. */
    String resultPath() {
        String path = result != null ? result : getOut() + "/" + ResultFiles.RESULT_JSON;
        return path.replace('\\', '/');
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new AssertScoreExecution(this, context);
    }

    /** Registers the step under its Pipeline name. */
    @Extension
    @Symbol("assertScore")
    public static final class DescriptorImpl extends ClusterBenchStepDescriptor {
        @Override
        public String getFunctionName() {
            return "assertScore";
        }

        @Override
        public String getDisplayName() {
            return Messages.AssertScoreStep_DisplayName();
        }

        /** Checks the syntax only (core's rule), so it reveals nothing and needs no permission. */
        public FormValidation doCheckBaseline(@QueryParameter String value) {
            return FormChecks.baseline(value).toFormValidation();
        }

        /** Checks the range only (core's rule): blank keeps the spec's thresholds. */
        public FormValidation doCheckMinimum(@QueryParameter String value) {
            return FormChecks.score("minimum", value).toFormValidation();
        }

        /** Checks the range only (core's rule): blank means no unstable line. */
        public FormValidation doCheckUnstableBelow(@QueryParameter String value) {
            return FormChecks.score("unstableBelow", value).toFormValidation();
        }

        /** Blank scores the output folder's result.json; in a freestyle workspace, a warning when it is missing. */
        @POST
        public FormValidation doCheckResult(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.optionalFile(value, workspaceOf(item)).toFormValidation();
        }
    }
}
