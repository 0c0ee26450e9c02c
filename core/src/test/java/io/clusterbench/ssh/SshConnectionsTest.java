package io.clusterbench.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.local.LocalSshd;
import io.clusterbench.ssh.SshException.Reason;
import io.clusterbench.testkit.RealServers;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class SshConnectionsTest {
    /** sshd sets SSH_CONNECTION to "client-ip client-port server-ip server-port": one TCP connection, one value. */
    private static final List<String> SHOW_CONNECTION = List.of("sh", "-c", "echo \"$SSH_CONNECTION\"");

    private final LocalSshd sshd;

    SshConnectionsTest(LocalSshd sshd) {
        this.sshd = sshd;
    }

    @Test
    void reusesOneConnectionPerHost() throws Exception {
        try (SshConnections pool = new SshConnections(List.of(target("alpha")))) {
            SshConnection first = pool.get("alpha");
            String firstTcpConnection = first.exec(SHOW_CONNECTION).stdout();
            SshConnection second = pool.get("alpha");

            assertThat(second).isSameAs(first);
            assertThat(second.isConnected()).isTrue();
            assertThat(second.exec(SHOW_CONNECTION).stdout()).isEqualTo(firstTcpConnection)
                    .startsWith("127.0.0.1 ").endsWith(" " + sshd.port() + "\n");
        }
    }

    @Test
    void keepsOneConnectionForEachHost() throws Exception {
        try (SshConnections pool = new SshConnections(List.of(target("alpha"), target("beta")))) {
            SshConnection alpha = pool.get("alpha");
            SshConnection beta = pool.get("beta");

            assertThat(beta).isNotSameAs(alpha);
            assertThat(beta.target().hostId()).isEqualTo("beta");
            assertThat(beta.exec(SHOW_CONNECTION).stdout()).isNotEqualTo(alpha.exec(SHOW_CONNECTION).stdout());
            assertThat(pool.hostIds()).containsExactlyInAnyOrder("alpha", "beta");
        }
    }

    @Test
    void connectsOnlyWhenAHostIsFirstUsed() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        SshTarget unreachable = new SshTarget("gone", "127.0.0.1", freePort, sshd.user(),
                new SshAuth.KeyFile(sshd.clientKey()), new HostKeyCheck.AcceptAny(), Duration.ofSeconds(5),
                Duration.ofSeconds(30));

        try (SshConnections pool = new SshConnections(List.of(target("alpha"), unreachable))) {
            assertThat(pool.get("alpha").exec(List.of("true")).exitCode()).isZero();
            assertThatThrownBy(() -> pool.get("gone"))
                    .isInstanceOfSatisfying(SshException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
                        assertThat(e.kind()).isEqualTo(Kind.CONNECTION);
                    })
                    .hasMessageContaining("unreachable");
        }
    }

    @Test
    void closesEveryConnectionItOpened() throws Exception {
        SshConnections pool = new SshConnections(List.of(target("alpha"), target("beta")));
        SshConnection alpha = pool.get("alpha");
        SshConnection beta = pool.get("beta");

        pool.close();

        assertThat(alpha.isConnected()).isFalse();
        assertThat(beta.isConnected()).isFalse();
        assertThatThrownBy(() -> pool.get("alpha")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reconnectsWhenTheHostsConnectionWasLost() throws Exception {
        try (SshConnections pool = new SshConnections(List.of(target("alpha")))) {
            SshConnection lost = pool.get("alpha");
            lost.close();

            SshConnection fresh = pool.get("alpha");

            assertThat(fresh).isNotSameAs(lost);
            assertThat(fresh.exec(List.of("echo", "back")).stdout()).isEqualTo("back\n");
        }
    }

    @Test
    void refusesUnknownHostIdNamingTheKnownOnes() throws Exception {
        try (SshConnections pool = new SshConnections(List.of(target("alpha"), target("beta")))) {
            assertThatThrownBy(() -> pool.get("gamma"))
                    .isInstanceOfSatisfying(SshException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_HOST_ID);
                        assertThat(e.kind()).isEqualTo(Kind.INVALID_SPEC);
                    })
                    .hasMessage("no ssh host named 'gamma'; the spec defines [alpha, beta]: add it under hosts or"
                            + " fix the name");
        }
    }

    @Test
    void refusesTwoTargetsWithOneHostId() {
        assertThatThrownBy(() -> new SshConnections(List.of(target("alpha"), target("alpha"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha");
    }

    private SshTarget target(String hostId) {
        return new SshTarget(hostId, sshd.host(), sshd.port(), sshd.user(), new SshAuth.KeyFile(sshd.clientKey()),
                new HostKeyCheck.KnownHostsFile(sshd.knownHostsFile()), Duration.ofSeconds(10),
                Duration.ofSeconds(30));
    }
}
