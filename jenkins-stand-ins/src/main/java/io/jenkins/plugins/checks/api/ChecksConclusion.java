package io.jenkins.plugins.checks.api;

/** Stand-in (compile only) of a completed check's outcome; jenkinsci/checks-api-plugin, tag 415.vf022234a_931d. */
public enum ChecksConclusion {
    NONE, ACTION_REQUIRED, SKIPPED, CANCELED, TIME_OUT, FAILURE, NEUTRAL, SUCCESS
}
