package io.clusterbench.probe.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.ssh.SshException;
import io.clusterbench.ssh.SshException.Reason;
import org.junit.jupiter.api.Test;

class SshFailuresTest {

    @Test
    void takesTheKindOfAnSshFailureFromItsReasonWhateverTheMessageSays() {
        // Messages that would have fooled word matching: the reason alone decides.
        assertThat(SshFailures.kind(new SshException(Reason.HOST_KEY_CHANGED, "authentication timed out")))
                .isEqualTo(ErrorKind.HOST_KEY);
        assertThat(SshFailures.kind(new SshException(Reason.KEY_UNUSABLE, "host key")))
                .isEqualTo(ErrorKind.AUTH);
        assertThat(SshFailures.kind(new SshException(Reason.CONNECT_TIMEOUT, "unreachable")))
                .isEqualTo(ErrorKind.TIMEOUT);
        assertThat(SshFailures.kind(new SshException(Reason.COMMAND_TIMEOUT, "remote")))
                .isEqualTo(ErrorKind.TIMEOUT);
        assertThat(SshFailures.kind(new SshException(Reason.CONNECTION_LOST, "known_hosts secret")))
                .isEqualTo(ErrorKind.UNREACHABLE);
        assertThat(SshFailures.kind(new SshException(Reason.COMMAND_REFUSED, "did not finish within")))
                .isEqualTo(ErrorKind.REMOTE);
        assertThat(SshFailures.kind(new SshException(Reason.UNKNOWN_HOST_ID, "x")))
                .isEqualTo(ErrorKind.INVALID_SPEC);
    }

    @Test
    void countsASecretThatCannotBeReadAsAnAuthFailure() {
        var unreadableSecret = new ClusterBenchException(Kind.ENVIRONMENT,
                "environment variable LOCKED_PASSWORD is not set (${env:LOCKED_PASSWORD})");

        assertThat(SshFailures.kind(unreadableSecret)).isEqualTo(ErrorKind.AUTH);
    }

    @Test
    void fallsBackToTheCoarseKindForFailuresFromOutsideTheSshPackage() {
        assertThat(SshFailures.kind(new ClusterBenchException(Kind.INVALID_SPEC, "x")))
                .isEqualTo(ErrorKind.INVALID_SPEC);
        assertThat(SshFailures.kind(new ClusterBenchException(Kind.REMOTE, "timed out"))).isEqualTo(ErrorKind.REMOTE);
        assertThat(SshFailures.kind(new ClusterBenchException(Kind.CONNECTION, "host key")))
                .isEqualTo(ErrorKind.UNREACHABLE);
    }
}
