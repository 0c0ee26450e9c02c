package io.jenkins.plugins.clusterbench;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.util.Secret;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.control.PushTarget;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.result.PushReceipt;
import io.clusterbench.result.ResultFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import jenkins.MasterToSlaveFileCallable;

/**
 * Pushes a step's result.json to the step's {@code pushGateway} from the agent that holds the workspace (the agent
 * reaches the cluster, and so most likely the Prometheus next to it), through core's export. The steps call it after
 * they recorded and archived their run, so a failed push never loses a result.
 */
final class PushOnAgent extends MasterToSlaveFileCallable<String> {
    private static final long serialVersionUID = 1L;

    // Secret, not String: the URL may carry the Pushgateway's password, and Secret is what crosses remoting.
    private final Secret pushGateway;
    private final String resultPath;

    private PushOnAgent(Secret pushGateway, String resultPath) {
        this.pushGateway = pushGateway;
        this.resultPath = resultPath;
    }

    /**
     * Pushes when the step names a Pushgateway and prints where to, or why not.
     *
     * @return why the push failed (the Pushgateway unreachable or refusing), or null when pushed or not asked
     */
    static String pushIfAsked(ClusterBenchStep step, String resultPath, FilePath workspace, TaskListener listener)
            throws IOException, InterruptedException {
        if (step.getPushGateway() == null) {
            return null;
        }
        try {
            listener.getLogger().println(workspace.act(new PushOnAgent(Secret.fromString(step.getPushGateway()),
                    resultPath)));
            return null;
        } catch (AbortException e) {
            String problem = "Cluster Bench: not pushed: " + e.getMessage();
            listener.getLogger().println(problem);
            return problem;
        }
    }

    @Override
    public String invoke(File workspace, VirtualChannel channel) throws IOException {
        try {
            return push(pushGateway.getPlainText(), workspace.toPath(), resultPath);
        } catch (ClusterBenchException e) {
            // The message names the URL without credentials and says what to do; a stack trace would only hide it.
            throw new AbortException(e.getMessage());
        }
    }

    /** Reads the result in the workspace, pushes it and returns the console's line: the agent's whole work. */
    static String push(String pushGateway, Path workspace, String resultPath) throws ClusterBenchException {
        PushTarget target = PushTarget.parse(pushGateway, "pushGateway");
        PushReceipt receipt = ClusterBench.standard().push(ResultFiles.read(workspace.resolve(resultPath)), target);
        return "Pushed " + receipt.series() + " series of " + resultPath + " to " + receipt.url();
    }
}
