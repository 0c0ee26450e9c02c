package io.jenkins.plugins.clusterbench;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.clusterbench.result.GateOutcome;
import jenkins.model.Jenkins;

/**
 * Publishes each recorded result as a check ({@link CheckReport}) when the checks-api plugin is installed and active,
 * so a pull-request build shows the verdict; without checks-api (an optional dependency) it does nothing at all.
 */
final class ResultChecks {
    /** checks-api's short name, as {@code Jenkins.getPlugin} knows it. */
    static final String CHECKS_API = "checks-api";

    private ResultChecks() {
    }

    /** Publishes {@code result}'s check; {@code gate} is assertScore's decision, null for the other steps. */
    static void publish(Run<?, ?> run, ClusterBenchAction result, GateOutcome gate, TaskListener listener) {
        Jenkins jenkins = Jenkins.get();
        if (jenkins.getPlugin(CHECKS_API) == null) {
            return;
        }
        String root = jenkins.getRootUrl();
        String detailsUrl = root == null ? null : root + run.getUrl() + result.getUrlName() + "/";
        try {
            ChecksPublication.publish(run, CheckReport.of(result, gate), detailsUrl, listener);
        } catch (RuntimeException e) {
            // The check is a copy of what the build already recorded; a platform's refusal must not fail the build.
            listener.getLogger().println("Cluster Bench: the check for result '" + result.getId()
                    + "' was not published: " + e);
        }
    }
}
