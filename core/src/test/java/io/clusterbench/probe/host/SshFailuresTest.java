package io.clusterbench.probe.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.ssh.SshException;
import io.clusterbench.ssh.SshException.Reason;
import org.junit.jupiter.api.Test;

class SshFailuresTest {

    @Test
    void takesTheKindOfAnSshFailureFromItsReasonWhateverTheMessageSays() {
        // Messages that would have fooled word matching: the reason alone decides.
        assertThat(SshFailures.kind(new SshException(Reason.HOST_KEY_CHANGED, "authentication timed out")))
                .isEqualTo("host-key");
        assertThat(SshFailures.kind(new SshException(Reason.KEY_UNUSABLE, "host key")))
                .isEqualTo("auth");
        assertThat(SshFailures.kind(new SshException(Reason.CONNECT_TIMEOUT, "unreachable")))
                .isEqualTo("timeout");
        assertThat(SshFailures.kind(new SshException(Reason.COMMAND_TIMEOUT, "remote")))
                .isEqualTo("timeout");
        assertThat(SshFailures.kind(new SshException(Reason.CONNECTION_LOST, "known_hosts secret")))
                .isEqualTo("unreachable");
        assertThat(SshFailures.kind(new SshException(Reason.COMMAND_REFUSED, "did not finish within")))
                .isEqualTo("remote");
        assertThat(SshFailures.kind(new SshException(Reason.UNKNOWN_HOST_ID, "x")))
                .isEqualTo("invalid-spec");
    }

    @Test
    void countsASecretThatCannotBeReadAsAnAuthFailure() {
        var unreadableSecret = new ClusterBenchException(Kind.ENVIRONMENT,
                "environment variable LOCKED_PASSWORD is not set (${env:LOCKED_PASSWORD})");

        assertThat(SshFailures.kind(unreadableSecret)).isEqualTo("auth");
    }

    @Test
    void fallsBackToTheCoarseKindForFailuresFromOutsideTheSshPackage() {
        assertThat(SshFailures.kind(new ClusterBenchException(Kind.INVALID_SPEC, "x"))).isEqualTo("invalid-spec");
        assertThat(SshFailures.kind(new ClusterBenchException(Kind.REMOTE, "timed out"))).isEqualTo("remote");
        assertThat(SshFailures.kind(new ClusterBenchException(Kind.CONNECTION, "host key"))).isEqualTo("unreachable");
    }
}
