package io.clusterbench.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.ssh.SshException.Reason;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SshExceptionTest {

    @Test
    void takesItsKindAndErrorKindFromItsReason() {
        IOException cause = new IOException("socket closed");

        SshException e = new SshException(Reason.COMMAND_TIMEOUT, "ssh host a (h:22): command 'x' did not finish",
                cause);

        assertThat(e.reason()).isEqualTo(Reason.COMMAND_TIMEOUT);
        assertThat(e.kind()).isEqualTo(Kind.REMOTE);
        assertThat(e.errorKind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(e).hasMessage("ssh host a (h:22): command 'x' did not finish").hasCause(cause);
    }

    @Test
    void keepsTheKindEachFailureHadBeforeReasonsExisted() {
        // Fronts map Kind to exit codes, so a reason must not move a failure to another Kind.
        assertThat(Arrays.stream(Reason.values()).filter(r -> r.kind() == Kind.CONNECTION))
                .containsExactlyInAnyOrder(Reason.HOST_KEY_CHANGED, Reason.HOST_KEY_UNKNOWN, Reason.HOST_KEY_MISMATCH,
                        Reason.HOST_KEY_UNVERIFIABLE, Reason.KNOWN_HOSTS_UNREADABLE, Reason.AUTH_REFUSED,
                        Reason.AUTH_INTERRUPTED, Reason.KEY_UNUSABLE, Reason.UNREACHABLE, Reason.CONNECT_TIMEOUT,
                        Reason.HANDSHAKE_FAILED, Reason.CONNECTION_LOST);
        assertThat(Arrays.stream(Reason.values()).filter(r -> r.kind() == Kind.REMOTE))
                .containsExactlyInAnyOrder(Reason.COMMAND_TIMEOUT, Reason.COMMAND_INTERRUPTED, Reason.COMMAND_REFUSED,
                        Reason.NO_EXIT_STATUS);
        assertThat(Arrays.stream(Reason.values()).filter(r -> r.kind() == Kind.INVALID_SPEC))
                .containsExactlyInAnyOrder(Reason.INVALID_COMMAND, Reason.UNKNOWN_HOST_ID);
    }

    @Test
    void namesEveryReasonWithOneOfTheResultErrorKinds() {
        assertThat(Reason.values()).extracting(Reason::errorKind)
                .allMatch(kind -> Set.of(ErrorKind.HOST_KEY, ErrorKind.AUTH, ErrorKind.UNREACHABLE, ErrorKind.TIMEOUT,
                        ErrorKind.REMOTE, ErrorKind.INVALID_SPEC).contains(kind));
        assertThat(Reason.HOST_KEY_MISMATCH.errorKind()).isEqualTo(ErrorKind.HOST_KEY);
        assertThat(Reason.KNOWN_HOSTS_UNREADABLE.errorKind()).isEqualTo(ErrorKind.HOST_KEY);
        assertThat(Reason.KEY_UNUSABLE.errorKind()).isEqualTo(ErrorKind.AUTH);
        assertThat(Reason.CONNECT_TIMEOUT.errorKind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(Reason.CONNECTION_LOST.errorKind()).isEqualTo(ErrorKind.UNREACHABLE);
        assertThat(Reason.COMMAND_REFUSED.errorKind()).isEqualTo(ErrorKind.REMOTE);
        assertThat(Reason.UNKNOWN_HOST_ID.errorKind()).isEqualTo(ErrorKind.INVALID_SPEC);
    }
}
