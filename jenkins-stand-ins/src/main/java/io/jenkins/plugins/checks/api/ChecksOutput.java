package io.jenkins.plugins.checks.api;

import java.util.Optional;

/**
 * Stand-in (compile only) of a check's output (title, summary, text); jenkinsci/checks-api-plugin, tag
 * 415.vf022234a_931d. Annotations, images and the {@code TruncatedString} overloads are left out (unused).
 */
public class ChecksOutput {
    public ChecksOutput(final ChecksOutput that) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public Optional<String> getTitle() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public Optional<String> getSummary() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public Optional<String> getText() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    /** Stand-in of the builder, the only way to make an output. */
    public static class ChecksOutputBuilder {
        public ChecksOutputBuilder() {
            throw new UnsupportedOperationException("stand-in: compile only");
        }

        public ChecksOutputBuilder withTitle(final String title) {
            throw new UnsupportedOperationException("stand-in: compile only");
        }

        public ChecksOutputBuilder withSummary(final String summary) {
            throw new UnsupportedOperationException("stand-in: compile only");
        }

        public ChecksOutputBuilder withText(final String text) {
            throw new UnsupportedOperationException("stand-in: compile only");
        }

        public ChecksOutput build() {
            throw new UnsupportedOperationException("stand-in: compile only");
        }
    }
}
