package io.jenkins.plugins.checks.api;

/**
 * Stand-in (compile only) of what publishes a check to the SCM platform; jenkinsci/checks-api-plugin, tag
 * 415.vf022234a_931d. Its {@code NullChecksPublisher} is left out (unused).
 */
public abstract class ChecksPublisher {
    public abstract void publish(ChecksDetails details);
}
