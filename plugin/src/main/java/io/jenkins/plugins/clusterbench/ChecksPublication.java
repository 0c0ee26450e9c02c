package io.jenkins.plugins.clusterbench;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Copies a {@link CheckReport} into checks-api's types and hands it to the publisher for the build's SCM (GitHub,
 * GitLab, ...; none, and nothing happens, for a build without one). The only class that names a checks-api type, so
 * it is loaded only when {@link ResultChecks} has found checks-api installed.
 */
final class ChecksPublication {

    private ChecksPublication() {
    }

    static void publish(Run<?, ?> run, CheckReport report, String detailsUrl, TaskListener listener) {
        ChecksOutput.ChecksOutputBuilder output = new ChecksOutput.ChecksOutputBuilder().withTitle(report.title());
        if (!report.summary().isEmpty()) {
            output.withSummary(report.summary());
        }
        if (!report.text().isEmpty()) {
            output.withText(report.text());
        }
        ChecksDetails.ChecksDetailsBuilder details = new ChecksDetails.ChecksDetailsBuilder()
                .withName(report.name())
                .withStatus(ChecksStatus.COMPLETED)
                .withConclusion(ChecksConclusion.valueOf(report.conclusion().name()))
                .withCompletedAt(LocalDateTime.now(ZoneOffset.UTC))
                .withOutput(output.build());
        if (detailsUrl != null) {
            details.withDetailsURL(detailsUrl);
        }
        ChecksPublisherFactory.fromRun(run, listener).publish(details.build());
    }
}
