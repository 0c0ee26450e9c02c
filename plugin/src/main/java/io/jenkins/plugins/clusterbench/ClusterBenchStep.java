package io.jenkins.plugins.clusterbench;

import hudson.AbortException;
import io.clusterbench.result.ResultIds;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.control.PushTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What every Cluster Bench step takes: the spec, the output folder, the id of the build's result it records, whether
 * to archive, the credentials bound to the spec's {@code ${env:NAME}} references, and a Pushgateway to push the
 * run's metrics to. The freestyle builders hold a step, so they share these too.
 */
public abstract class ClusterBenchStep extends Step {
    private final String spec;
    private String out;
    private String id;
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

    /** The id given for this step's result, or null to derive it from the output folder (see {@link #resultId()}). */
    public String getId() {
        return id;
    }

    @DataBoundSetter
    public void setId(String id) {
        this.id = id == null || id.isBlank() ? null : id.trim();
    }

    /** The folder whose result this step records; its name gives the result's id when none is set. */
    protected String resultFolder() {
        return getOut();
    }

    /**
     * The id of the build's result this step records: one result, summary row, page and trend per id, so steps with
     * different ids (before and after tuning, parallel stages) keep theirs apart, and a later step with the same id
     * replaces the earlier one's summary. Given, or core's {@link ResultIds#derive} of the output folder.
     *
     * @throws AbortException with {@link #idProblem()}'s message, before anything runs
     */
    String resultId() throws AbortException {
        String problem = idProblem().orElse(null);
        if (problem != null) {
            throw new AbortException(problem);
        }
        return effectiveId();
    }

    /** Why the given id cannot name a result, saying what to write instead; empty when it can or none is given. */
    Optional<String> idProblem() {
        return id == null ? Optional.empty() : ResultIds.problem(id).map(problem -> "Cluster Bench id: " + problem);
    }

    /** The given id, or the one derived from the output folder (or the spec, for a result at the top). */
    String effectiveId() {
        return id == null ? ResultIds.derive(resultFolder(), spec) : id;
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
