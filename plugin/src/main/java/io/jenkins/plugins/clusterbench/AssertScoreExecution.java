package io.jenkins.plugins.clusterbench;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.clusterbench.result.GateOutcome;
import io.clusterbench.result.GatePolicy;
import io.clusterbench.result.HistoryWindow;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code assertScore}: reads the baselines on the controller, scores on the agent, records the scored summary
 * and artifacts, then sets the result: UNSTABLE as workflow-basic-steps' {@code unstable} does (a warning on this
 * step's node, so the stage shows it, and the build's result), FAILURE by failing the step.
 */
final class AssertScoreExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final transient AssertScoreStep step;

    AssertScoreExecution(AssertScoreStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        GateOutcome decision = score(step, run, context.get(FilePath.class), context.get(Launcher.class),
                listener, context.get(EnvVars.class));
        if (GateResults.of(decision) == Result.UNSTABLE) {
            FlowNode node = context.get(FlowNode.class);
            if (node != null) {
                node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(decision.reason()));
            }
            run.setResult(Result.UNSTABLE);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("result", GateResults.nameOf(decision));
        map.put("gate", decision.status().name());
        map.put("exitCode", decision.exitCode());
        map.put("verdict", decision.verdict().name());
        map.put("message", decision.reason());
        map.put("resultPath", step.resultPath());
        return map;
    }

    /**
     * Scores, gates and records; throws {@link AbortException} on FAILURE, otherwise returns the decision for the
     * caller to mark UNSTABLE its own way (a Pipeline node's warning, or only the build in freestyle).
     */
    static GateOutcome score(AssertScoreStep settings, Run<?, ?> run, FilePath workspace, Launcher launcher,
            TaskListener listener, Map<String, String> environment) throws IOException, InterruptedException {
        PrintStream console = listener.getLogger();
        HistoryWindow window;
        GatePolicy policy;
        String pushProblem = settings.pushGatewayProblem();
        if (pushProblem != null) {
            throw new AbortException("assertScore: " + pushProblem);
        }
        try {
            window = HistoryWindow.parse(settings.getBaseline());
            policy = settings.policy();
        } catch (IllegalArgumentException e) {
            throw new AbortException("assertScore: " + e.getMessage());
        }
        String id = settings.resultId();
        String resultPath = settings.resultPath();
        List<String> baselines = BuildHistory.baselines(run, resultPath, window, console);
        console.println("Baselines (" + window + "): " + baselines.size() + " earlier build(s) with " + resultPath);
        ScoreOnAgent.Scored scored = workspace.act(
                new ScoreOnAgent(settings.getSpec(), resultPath, baselines, policy, listener,
                        BoundCredentials.lookUp(settings.getCredentials(), run, environment)));
        int slash = resultPath.lastIndexOf('/');
        List<String> archived = List.of();
        if (settings.isArchive() && slash > 0) {
            archived = RunArtifacts.archive(run, workspace, launcher, listener, resultPath.substring(0, slash));
        } else if (settings.isArchive()) {
            console.println("Not archived: " + resultPath + " is not in a folder of its own");
        }
        ClusterBenchAction earlier = ClusterBenchResults.find(run, id);
        ClusterBenchAction recorded = ClusterBenchAction.of(scored.summary(), id).keepingTuningOf(earlier)
                .withArtifacts(archived, earlier);
        ClusterBenchResults.record(run, earlier, recorded, listener);
        GateOutcome decision = scored.gate();
        console.println(GateResults.line(decision));
        ResultChecks.publish(run, recorded, decision, listener);
        // Pushed before the gate fails the step: a failed gate is what a dashboard most needs to show.
        String notPushed = PushOnAgent.pushIfAsked(settings, resultPath, workspace, listener);
        if (decision.failed()) {
            throw new AbortException("Cluster Bench gate failed: " + decision.reason());
        }
        if (notPushed != null) {
            throw new AbortException(notPushed);
        }
        return decision;
    }
}
