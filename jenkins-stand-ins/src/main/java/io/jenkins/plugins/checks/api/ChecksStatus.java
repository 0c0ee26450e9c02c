package io.jenkins.plugins.checks.api;

/** Stand-in (compile only) of a check's state; jenkinsci/checks-api-plugin, tag 415.vf022234a_931d. */
public enum ChecksStatus {
    NONE, QUEUED, IN_PROGRESS, COMPLETED
}
