package io.clusterbench.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.local.LocalSshd;
import io.clusterbench.ssh.SshException.Reason;
import io.clusterbench.testkit.RealServers;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RealServers.class)
class SshClientTest {
    private final LocalSshd sshd;
    private final SshClient client = new SshClient();
    private final String where;

    SshClientTest(LocalSshd sshd) {
        this.sshd = sshd;
        this.where = "ssh host local (127.0.0.1:" + sshd.port() + ")";
    }

    @Test
    void authenticatesWithKeyFile() throws Exception {
        assertLogsInAsTheUser(target(new SshAuth.KeyFile(sshd.clientKey()), knownHosts()));
    }

    @Test
    void authenticatesWithEncryptedKeyFileAndItsPassphrase() throws Exception {
        SshAuth auth = new SshAuth.KeyFile(sshd.encryptedClientKey(),
                Optional.of(Secret.of(sshd.encryptedClientKeyPassphrase())));
        assertLogsInAsTheUser(target(auth, knownHosts()));
    }

    @Test
    void authenticatesWithKeyGivenAsText() throws Exception {
        SshAuth auth = new SshAuth.KeyText(Secret.of(Files.readString(sshd.clientKey())));
        assertLogsInAsTheUser(target(auth, knownHosts()));
    }

    @Test
    void authenticatesWithPemKeyGivenAsText(@TempDir Path dir) throws Exception {
        Path pemKey = SshTestKeys.newPemKey(dir, "pem-client");
        authorize(pemKey);
        String pem = Files.readString(pemKey);
        assertThat(pem).startsWith("-----BEGIN EC PRIVATE KEY-----");

        assertLogsInAsTheUser(target(new SshAuth.KeyText(Secret.of(pem)), knownHosts()));
    }

    @Test
    void authenticatesWithEncryptedKeyGivenAsTextAndItsPassphrase() throws Exception {
        SshAuth auth = new SshAuth.KeyText(Secret.of(Files.readString(sshd.encryptedClientKey())),
                Optional.of(Secret.of(sshd.encryptedClientKeyPassphrase())));
        assertLogsInAsTheUser(target(auth, knownHosts()));
    }

    @Test
    void refusesKeyThatIsNotInAuthorizedKeys(@TempDir Path dir) throws Exception {
        Path strangerKey = SshTestKeys.newKey(dir, "stranger");

        assertConnectionFailure(Reason.AUTH_REFUSED,
                () -> client.connect(target(new SshAuth.KeyFile(strangerKey), knownHosts())))
                .hasMessageStartingWith(where + ": authentication refused for user " + sshd.user()
                        + " with key file " + strangerKey)
                .hasMessageContaining(SshTestKeys.fingerprint(strangerKey))
                .hasMessageContaining("check that the public key is in authorized_keys");
    }

    @Test
    void refusesWrongPasswordWithoutPrintingIt() {
        String password = "wrong-Pa55word-that-must-not-leak";

        assertConnectionFailure(Reason.AUTH_REFUSED,
                () -> client.connect(target(new SshAuth.Password(Secret.of(password)), knownHosts())))
                .hasMessageStartingWith(where + ": authentication refused for user " + sshd.user() + " with a password")
                .hasMessageContaining("check the password")
                .hasMessageNotContaining(password);
    }

    @Test
    void reportsWrongPassphraseWithoutPrintingIt() {
        String passphrase = "not-the-Passphrase-42";
        SshAuth auth = new SshAuth.KeyFile(sshd.encryptedClientKey(), Optional.of(Secret.of(passphrase)));

        assertConnectionFailure(Reason.KEY_UNUSABLE, () -> client.connect(target(auth, knownHosts())))
                .hasMessageStartingWith(where + ": cannot decrypt the key file " + sshd.encryptedClientKey())
                .hasMessageContaining("passphrase is wrong")
                .hasMessageNotContaining(passphrase);
    }

    @Test
    void reportsEncryptedKeyGivenWithoutPassphrase() {
        SshAuth auth = new SshAuth.KeyFile(sshd.encryptedClientKey());

        assertConnectionFailure(Reason.KEY_UNUSABLE, () -> client.connect(target(auth, knownHosts())))
                .hasMessageStartingWith(where + ": cannot decrypt the key file " + sshd.encryptedClientKey())
                .hasMessageContaining("give its passphrase");
    }

    @Test
    void reportsKeyFileThatCannotBeRead(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-key");

        assertConnectionFailure(Reason.KEY_UNUSABLE,
                () -> client.connect(target(new SshAuth.KeyFile(missing), knownHosts())))
                .hasMessage(where + ": cannot read the key file " + missing
                        + ": check that it exists and that this user may read it");
    }

    @Test
    void reportsKeyTextThatIsNoKeyWithoutPrintingIt() {
        String text = "definitely-not-a-private-key-but-maybe-a-secret";

        assertConnectionFailure(Reason.KEY_UNUSABLE,
                () -> client.connect(target(new SshAuth.KeyText(Secret.of(text)), knownHosts())))
                .hasMessageStartingWith(where + ": cannot use the private key given as text: it is empty, damaged"
                        + " or not a private key")
                .hasMessageNotContaining(text);
    }

    @Test
    void refusesChangedHostKeyNamingThePresentedFingerprint(@TempDir Path dir) throws Exception {
        Path otherHostKey = SshTestKeys.newKey(dir, "other-host");
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + sshd.port() + " " + SshTestKeys.publicKey(otherHostKey) + "\n");

        assertConnectionFailure(Reason.HOST_KEY_CHANGED,
                () -> client.connect(target(clientKey(), new HostKeyCheck.KnownHostsFile(knownHosts))))
                .hasMessageStartingWith(where + ": host key CHANGED")
                .hasMessageContaining(knownHosts.toString())
                .hasMessageContaining("[127.0.0.1]:" + sshd.port())
                .hasMessageContaining("ssh-ed25519 " + sshd.hostKeyFingerprint())
                .hasMessageContaining("man-in-the-middle");
    }

    @Test
    void reportsUnknownHostDifferentlyFromChangedKey(@TempDir Path dir) throws Exception {
        Path emptyKnownHosts = Files.writeString(dir.resolve("known_hosts"), "");

        assertConnectionFailure(Reason.HOST_KEY_UNKNOWN, () -> client.connect(target(clientKey(),
                new HostKeyCheck.KnownHostsFile(emptyKnownHosts))))
                .hasMessageStartingWith(where + ": host key UNKNOWN")
                .hasMessageNotContaining("CHANGED")
                .hasMessageContaining("has no key for [127.0.0.1]:" + sshd.port())
                .hasMessageContaining("ssh-ed25519 " + sshd.hostKeyFingerprint());
    }

    @Test
    void reportsMissingKnownHostsFile(@TempDir Path dir) {
        Path missing = dir.resolve("known_hosts");

        assertConnectionFailure(Reason.KNOWN_HOSTS_UNREADABLE,
                () -> client.connect(target(clientKey(), new HostKeyCheck.KnownHostsFile(missing))))
                .hasMessageStartingWith(where + ": known_hosts file " + missing + " does not exist");
    }

    @Test
    void connectsWhenPinnedFingerprintMatches() throws Exception {
        SshTarget target = target(clientKey(), new HostKeyCheck.PinnedFingerprint(sshd.hostKeyFingerprint()));

        try (SshConnection connection = client.connect(target)) {
            assertThat(connection.hostKey()).isEqualTo("ssh-ed25519 " + sshd.hostKeyFingerprint());
            assertThat(connection.exec(List.of("true")).exitCode()).isZero();
        }
    }

    @Test
    void refusesPinnedFingerprintMismatchNamingBothFingerprints(@TempDir Path dir) throws Exception {
        String otherFingerprint = SshTestKeys.fingerprint(SshTestKeys.newKey(dir, "other-host"));

        assertConnectionFailure(Reason.HOST_KEY_MISMATCH, () -> client.connect(target(clientKey(),
                new HostKeyCheck.PinnedFingerprint(otherFingerprint))))
                .hasMessageStartingWith(where + ": host key fingerprint mismatch: expected " + otherFingerprint
                        + " but the server presented ssh-ed25519 " + sshd.hostKeyFingerprint());
    }

    @Test
    void acceptAnyConnectsAndIsMarkedInsecure() throws Exception {
        SshTarget target = target(clientKey(), new HostKeyCheck.AcceptAny());

        try (SshConnection connection = client.connect(target)) {
            assertThat(target.insecure()).isTrue();
            assertThat(connection.insecure()).isTrue();
            assertThat(connection.hostKey()).isEqualTo("ssh-ed25519 " + sshd.hostKeyFingerprint());
            assertThat(connection.exec(List.of("true")).exitCode()).isZero();
        }
        assertThat(target(clientKey(), knownHosts()).insecure()).isFalse();
    }

    @Test
    void reportsPortWithNothingListeningAsUnreachable() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        SshTarget target = new SshTarget("local", "127.0.0.1", freePort, sshd.user(), clientKey(), knownHosts(),
                Duration.ofSeconds(5), Duration.ofSeconds(30));

        assertConnectionFailure(Reason.UNREACHABLE, () -> client.connect(target))
                .hasMessageStartingWith("ssh host local (127.0.0.1:" + freePort + "): unreachable: connection refused")
                .hasMessageContaining("listens on port " + freePort);
    }

    @Test
    void timesOutOnServerThatNeverAnswers() throws Exception {
        // A listening socket that is never read: TCP connects, but no SSH banner ever comes.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SshTarget target = new SshTarget("local", "127.0.0.1", silent.getLocalPort(), sshd.user(), clientKey(),
                    knownHosts(), Duration.ofSeconds(1), Duration.ofSeconds(30));
            long start = System.nanoTime();

            assertConnectionFailure(Reason.CONNECT_TIMEOUT, () -> client.connect(target))
                    .hasMessageStartingWith("ssh host local (127.0.0.1:" + silent.getLocalPort() + "): timed out")
                    .hasMessageContaining("within 1 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    private void assertLogsInAsTheUser(SshTarget target) throws ClusterBenchException {
        try (SshConnection connection = client.connect(target)) {
            assertThat(connection.isConnected()).isTrue();
            assertThat(connection.insecure()).isFalse();
            ExecResult whoami = connection.exec(List.of("id", "-un"));
            assertThat(whoami.stdout()).isEqualTo(sshd.user() + "\n");
        }
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertConnectionFailure(Reason reason,
            ThrowingCallable connect) {
        return assertThatThrownBy(connect)
                .isInstanceOfSatisfying(SshException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.kind()).isEqualTo(Kind.CONNECTION);
                });
    }

    /** Adds a public key to the authorized_keys file this class's own sshd reads at every login. */
    private void authorize(Path key) throws Exception {
        Path authorizedKeys = Files.readAllLines(sshd.configFile()).stream()
                .filter(line -> line.startsWith("AuthorizedKeysFile "))
                .map(line -> Path.of(line.substring("AuthorizedKeysFile ".length()).strip()))
                .findFirst().orElseThrow();
        Files.writeString(authorizedKeys, SshTestKeys.publicKey(key) + "\n", StandardOpenOption.APPEND);
    }

    private SshAuth clientKey() {
        return new SshAuth.KeyFile(sshd.clientKey());
    }

    private HostKeyCheck knownHosts() {
        return new HostKeyCheck.KnownHostsFile(sshd.knownHostsFile());
    }

    private SshTarget target(SshAuth auth, HostKeyCheck check) {
        return new SshTarget("local", sshd.host(), sshd.port(), sshd.user(), auth, check, Duration.ofSeconds(10),
                Duration.ofSeconds(30));
    }
}
