package io.jenkins.plugins.clusterbench;

import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
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
 * The Pipeline step {@code applyTuning}: plans or applies the tuning actions of a spec in the workspace, with
 * evidence, on the agent that holds the workspace, and returns what changed, per action.
 *
 * <pre>{@code
 * node('bench') {
 *     def changes = applyTuning spec: 'cluster.yaml', out: 'clusterbench-tuning'
 *     echo "maxmemory-policy: ${changes['redis-policy'].status}"
 * }
 * }</pre>
 *
 * <p>A failed action fails the step with core's message, after the rollback (unless {@code rollback: false}) and
 * after the evidence is archived.
 *
 * <p>With {@code verify: true} the step runs core's whole run flow instead: rounds before and after the tuning
 * (alternating, applying and rolling back between rounds, when every change can be rolled back), the effect on every
 * key metric with its 95% interval and verdict, and the spec's {@code rollbackIfWorse}.
 *
 * <pre>{@code
 * def r = applyTuning spec: 'cluster.yaml', verify: true
 * if (r.regressed) { error "tuning made ${r.effects.findAll { it.verdict == 'worse' }*.metric} worse" }
 * }</pre>
 *
 * <p>With {@code rollbackFrom}, the step restores instead what an earlier run left applied, from that run's
 * evidence.jsonl (core's recovery), for example after an aborted build:
 *
 * <pre>{@code
 * post { aborted { applyTuning spec: 'cluster.yaml', rollbackFrom: 'clusterbench-tuning/evidence.jsonl' } }
 * }</pre>
 */
public final class ApplyTuningStep extends ClusterBenchStep {
    /** Not the benchmark's folder: tuning writes its own result.json, which must not replace the benchmark's. */
    static final String DEFAULT_OUT = "clusterbench-tuning";
    /** A recovery's folder: its result.json must not replace the one of the run it restores. */
    static final String DEFAULT_ROLLBACK_OUT = "clusterbench-rollback";

    private boolean plan;
    private boolean rollback = true;
    private boolean verify;
    private String rollbackFrom;

    @DataBoundConstructor
    public ApplyTuningStep(String spec) {
        super(spec);
    }

    @Override
    protected String defaultOut() {
        return rollbackFrom == null ? DEFAULT_OUT : DEFAULT_ROLLBACK_OUT;
    }

    /** Whether to only work out what would change (a dry run), changing and writing nothing. */
    public boolean isPlan() {
        return plan;
    }

    @DataBoundSetter
    public void setPlan(boolean plan) {
        this.plan = plan;
    }

    /** Whether a failed action rolls back the actions applied before it. */
    public boolean isRollback() {
        return rollback;
    }

    @DataBoundSetter
    public void setRollback(boolean rollback) {
        this.rollback = rollback;
    }

    /**
     * Whether to verify the tuning with evidence: measure the spec's probes in rounds before and after it (alternating
     * where every change can be rolled back) and judge its effect on every key metric.
     */
    public boolean isVerify() {
        return verify;
    }

    @DataBoundSetter
    public void setVerify(boolean verify) {
        this.verify = verify;
    }

    /** Why these options cannot run together, or null when they can; checked before anything runs. */
    String optionProblem() {
        if (verify && plan) {
            return "applyTuning: plan: true and verify: true cannot be combined: a plan changes nothing, so there is"
                    + " nothing to verify; drop one of them";
        }
        if (verify && !rollback) {
            return "applyTuning: verify: true rolls the tuning back and forth between rounds, so rollback: false"
                    + " cannot be honoured; drop rollback: false (a failed action is then rolled back as the spec's"
                    + " settings.rollback says)";
        }
        if (rollbackFrom != null && (verify || plan)) {
            return "applyTuning: rollbackFrom restores what an earlier run left applied; it cannot be combined with "
                    + (verify ? "verify: true" : "plan: true") + "; drop one of them";
        }
        return null;
    }

    /** The evidence.jsonl (relative to the workspace) whose left-applied changes to restore; null to apply. */
    public String getRollbackFrom() {
        return rollbackFrom;
    }

    @DataBoundSetter
    public void setRollbackFrom(String rollbackFrom) {
        this.rollbackFrom = rollbackFrom == null || rollbackFrom.isBlank() ? null : rollbackFrom.trim();
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new ApplyTuningExecution(this, context);
    }

    /** Registers the step under its Pipeline name. */
    @Extension
    @Symbol("applyTuning")
    public static final class DescriptorImpl extends ClusterBenchStepDescriptor {
        @Override
        public String getFunctionName() {
            return "applyTuning";
        }

        @Override
        public String getDisplayName() {
            return Messages.ApplyTuningStep_DisplayName();
        }

        /** Blank applies the tuning; in a freestyle workspace, a warning when the evidence file is missing. */
        @POST
        public FormValidation doCheckRollbackFrom(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.optionalFile(value, workspaceOf(item)).toFormValidation();
        }
    }
}
