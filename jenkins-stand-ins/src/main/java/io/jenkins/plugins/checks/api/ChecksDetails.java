package io.jenkins.plugins.checks.api;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Stand-in (compile only) of one check's details; jenkinsci/checks-api-plugin, tag 415.vf022234a_931d. Only the
 * members used: {@code startedAt}, {@code actions} and {@code toString} are left out.
 */
public class ChecksDetails {
    private ChecksDetails() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public Optional<String> getName() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public ChecksStatus getStatus() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public Optional<String> getDetailsURL() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public ChecksConclusion getConclusion() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public Optional<LocalDateTime> getCompletedAt() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public Optional<ChecksOutput> getOutput() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    /** Stand-in of the builder, the only way to make details. */
    public static class ChecksDetailsBuilder {
        public ChecksDetailsBuilder() {
            throw new UnsupportedOperationException("stand-in: compile only");
        }

        public ChecksDetailsBuilder withName(final String name) {
            throw new UnsupportedOperationException("stand-in: compile only");
        }

        public ChecksDetailsBuilder withStatus(final ChecksStatus status) {
            throw new UnsupportedOperationException("stand-in: compile only");
        }

        public ChecksDetailsBuilder withDetailsURL(final String detailsURL) {
            throw new UnsupportedOperationException("stand-in: compile only");
        }

        public ChecksDetailsBuilder withConclusion(final ChecksConclusion conclusion) {
            throw new UnsupportedOperationException("stand-in: compile only");
        }

        public ChecksDetailsBuilder withCompletedAt(final LocalDateTime completedAt) {
            throw new UnsupportedOperationException("stand-in: compile only");
        }

        public ChecksDetailsBuilder withOutput(final ChecksOutput output) {
            throw new UnsupportedOperationException("stand-in: compile only");
        }

        public ChecksDetails build() {
            throw new UnsupportedOperationException("stand-in: compile only");
        }
    }
}
