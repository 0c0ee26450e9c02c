package io.jenkins.plugins.checks.api;

import hudson.ExtensionPoint;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Optional;

/**
 * Stand-in (compile only) of the extension point that finds the publisher for a build's SCM;
 * jenkinsci/checks-api-plugin, tag 415.vf022234a_931d. {@code fromJob} is left out (unused).
 */
public abstract class ChecksPublisherFactory implements ExtensionPoint {
    protected Optional<ChecksPublisher> createPublisher(final Run<?, ?> run, final TaskListener listener) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    protected Optional<ChecksPublisher> createPublisher(final Job<?, ?> job, final TaskListener listener) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public static ChecksPublisher fromRun(final Run<?, ?> run, final TaskListener listener) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
