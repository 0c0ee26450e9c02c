package io.clusterbench.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.local.LocalSshd;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.DefaultSecretResolver;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.testkit.RealServers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** From a spec's hosts to commands on a real sshd, the way a run uses them. */
@ExtendWith(RealServers.class)
class SshTargetsTest {

    @Test
    void runsACommandOnEveryHostOfASpecOverOneConnectionEach(LocalSshd sshd) throws Exception {
        String passphrase = sshd.encryptedClientKeyPassphrase();
        SecretResolver secrets = new DefaultSecretResolver(Map.of("KEY_PASS", passphrase)::get);
        ClusterSpec spec = load(sshd, secrets, """
                cluster: local
                hosts:
                  by-known-hosts:
                    address: 127.0.0.1
                    port: %d
                    user: "%s"
                    keyFile: "%s"
                    knownHosts: "%s"
                  by-fingerprint:
                    address: 127.0.0.1
                    port: %d
                    user: "%s"
                    keyFile: "%s"
                    passphrase: "${env:KEY_PASS}"
                    hostKey: "%s"
                """.formatted(sshd.port(), sshd.user(), sshd.clientKey(), sshd.knownHostsFile(),
                sshd.port(), sshd.user(), sshd.encryptedClientKey(), sshd.hostKeyFingerprint()));

        try (SshConnections connections = SshTargets.connections(spec.hosts().values(), secrets)) {
            for (String host : List.of("by-known-hosts", "by-fingerprint")) {
                ExecResult result = connections.get(host).exec(List.of("id", "-un"));

                assertThat(result.exitCode()).as(host).isZero();
                assertThat(result.stdout().strip()).as(host).isEqualTo(sshd.user());
                assertThat(connections.get(host)).as(host).isSameAs(connections.get(host));
                assertThat(connections.get(host).insecure()).as(host).isFalse();
            }
        }
    }

    @Test
    void marksAHostReachedWithoutHostKeyCheckAsInsecure(LocalSshd sshd) throws Exception {
        SecretResolver secrets = new DefaultSecretResolver(Map.<String, String>of()::get);
        ClusterSpec spec = load(sshd, secrets, """
                cluster: local
                hosts:
                  trusting:
                    address: 127.0.0.1
                    port: %d
                    user: "%s"
                    keyFile: "%s"
                    insecureAcceptAnyHostKey: true
                """.formatted(sshd.port(), sshd.user(), sshd.clientKey()));

        SshTarget target = SshTargets.from(spec.hosts().get("trusting"), secrets);
        try (SshConnection connection = new SshClient().connect(target)) {
            assertThat(target.insecure()).isTrue();
            assertThat(connection.insecure()).isTrue();
            assertThat(connection.exec(List.of("true")).exitCode()).isZero();
        }
    }

    @Test
    void namesTheReferenceButNeverTheValueOfASecretThatCannotBeRead(LocalSshd sshd) throws Exception {
        SecretResolver noEnvironment = new DefaultSecretResolver(Map.<String, String>of()::get);
        ClusterSpec spec = load(sshd, noEnvironment, """
                cluster: local
                hosts:
                  locked:
                    address: 127.0.0.1
                    port: %d
                    user: "%s"
                    password: "${env:LOCKED_PASSWORD}"
                    knownHosts: "%s"
                """.formatted(sshd.port(), sshd.user(), sshd.knownHostsFile()));

        assertThatThrownBy(() -> SshTargets.from(spec.hosts().get("locked"), noEnvironment))
                .isInstanceOf(ClusterBenchException.class)
                .hasMessageContaining("${env:LOCKED_PASSWORD}");
    }

    private static ClusterSpec load(LocalSshd sshd, SecretResolver secrets, String yaml) throws Exception {
        return SpecLoader.load("cluster.yaml", yaml, sshd.workDir(), secrets).spec();
    }

}
