package io.jenkins.plugins.clusterbench;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.control.PushTarget;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What every Cluster Bench step takes: the spec, the output folder, whether to archive, the credentials bound
 * to the spec's {@code ${env:NAME}} references, and a Pushgateway to push the run's metrics to. The freestyle
 * builders hold a step, so they share these too.
 */
public abstract class ClusterBenchStep extends Step {
    private final String spec;
    private String out;
    private boolean archive = true;
    private List<CredentialBinding> credentials = new ArrayList<>();
    private String pushGateway;

    protected ClusterBenchStep(String spec) {
        this.spec = spec;
    }

    /** The folder a step writes into when none is given. */
    protected abstract String defaultOut();

    /** The spec file, relative to the workspace. */
    public String getSpec() {
        return spec;
    }

    /** The folder, relative to the workspace, that receives result.json and the reports. */
    public String getOut() {
        return out == null ? defaultOut() : out;
    }

    @DataBoundSetter
    public void setOut(String out) {
        this.out = out == null || out.isBlank() ? null : out.trim();
    }

    /** Whether result.json, evidence and the reports are archived as build artifacts. */
    public boolean isArchive() {
        return archive;
    }

    @DataBoundSetter
    public void setArchive(boolean archive) {
        this.archive = archive;
    }

    /** Jenkins credentials bound to the names the spec reads with ${env:NAME}; looked up for this build. */
    public List<CredentialBinding> getCredentials() {
        return new ArrayList<>(credentials);
    }

    @DataBoundSetter
    public void setCredentials(List<CredentialBinding> credentials) {
        this.credentials = credentials == null ? new ArrayList<>() : new ArrayList<>(credentials);
    }

    /**
     * The base URL of a Prometheus Pushgateway that receives the run's metrics after the step (core's export,
     * docs/results.md), or null for none.
     */
    public String getPushGateway() {
        return pushGateway;
    }

    @DataBoundSetter
    public void setPushGateway(String pushGateway) {
        this.pushGateway = pushGateway == null || pushGateway.isBlank() ? null : pushGateway.trim();
    }

    /** Why {@link #getPushGateway()} is no Pushgateway URL, without quoting it (it may hold a password), or null. */
    String pushGatewayProblem() {
        if (pushGateway == null) {
            return null;
        }
        try {
            PushTarget.parse(pushGateway, "pushGateway");
            return null;
        } catch (ClusterBenchException e) {
            return e.getMessage();
        }
    }
}
