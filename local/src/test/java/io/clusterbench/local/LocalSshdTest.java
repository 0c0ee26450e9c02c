package io.clusterbench.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSshdTest {

    @TempDir
    static Path sshdDir;

    /** One sshd for the class, as core's test kit hands out, which this module cannot use (core depends on it). */
    private static LocalSshd sshd;

    @BeforeAll
    static void startSshd() throws LocalServerException {
        sshd = LocalSshd.start(sshdDir);
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    /** The result of a finished helper command. */
    private record Result(int exitCode, String output) {
    }

    @Test
    void realSshClientLogsInWithKeyAndKnownHostsFile() throws Exception {
        Result result = ssh(sshd, sshd.clientKey(), sshd.knownHostsFile(), "echo", "hello");

        assertThat(result.output()).isEqualTo("hello\n");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void realSshClientRefusesServerWhoseKeyDiffersFromKnownHosts(@TempDir Path other) throws Exception {
        // A known_hosts entry for the same address but another key must stop the client before login.
        run(other, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.resolve("key").toString());
        String otherKey = Files.readString(other.resolve("key.pub")).split(" ")[1];
        Path wrongKnownHosts = other.resolve("known_hosts");
        Files.writeString(wrongKnownHosts, "[127.0.0.1]:" + sshd.port() + " ssh-ed25519 " + otherKey + "\n");

        Result result = ssh(sshd, sshd.clientKey(), wrongKnownHosts, "echo", "hello");

        assertThat(result.exitCode()).isEqualTo(255);
        assertThat(result.output()).contains("HOST IDENTIFICATION HAS CHANGED").doesNotContain("hello\n");
    }

    @Test
    void knownHostsFileNamesLoopbackPortAndHostKey() throws Exception {
        assertThat(Files.readString(sshd.knownHostsFile()))
                .isEqualTo("[127.0.0.1]:" + sshd.port() + " " + sshd.hostPublicKey() + "\n");
        assertThat(sshd.hostPublicKey()).startsWith("ssh-ed25519 AAAA");
    }

    @Test
    void fingerprintIsWhatSshKeygenPrints() throws Exception {
        Result printed = run(sshd.workDir(), "ssh-keygen", "-lf", sshd.hostKeyFile() + ".pub", "-E", "sha256");

        // ssh-keygen prints "256 SHA256:... comment (ED25519)".
        assertThat(printed.output().split(" ")[1]).isEqualTo(sshd.hostKeyFingerprint());
        assertThat(sshd.hostKeyFingerprint()).startsWith("SHA256:").doesNotEndWith("=");
    }

    @Test
    void encryptedClientKeyOpensOnlyWithItsPassphraseAndIsAuthorized() throws Exception {
        Result withPassphrase = run(sshd.workDir(), "ssh-keygen", "-y", "-P", sshd.encryptedClientKeyPassphrase(),
                "-f", sshd.encryptedClientKey().toString());
        Result withWrongPassphrase = run(sshd.workDir(), "ssh-keygen", "-y", "-P", "wrong",
                "-f", sshd.encryptedClientKey().toString());

        assertThat(withPassphrase.exitCode()).isZero();
        assertThat(withWrongPassphrase.exitCode()).isNotZero();
        String publicKey = withPassphrase.output().split(" ")[1];
        assertThat(Files.readString(sshd.workDir().resolve("authorized_keys"))).contains(publicKey);
        assertThat(Files.readString(sshd.encryptedClientKey())).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
    }

    @Test
    void describesItselfWithoutThePassphrase() {
        assertThat(sshd.toString()).doesNotContain(sshd.encryptedClientKeyPassphrase());
        assertThat(sshd.user()).isEqualTo(System.getProperty("user.name"));
        assertThat(sshd.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void closeStopsSshdAndItsSessions(@TempDir Path dir) throws Exception {
        LocalSshd own = LocalSshd.start(dir);
        assertThat(ssh(own, own.clientKey(), own.knownHostsFile(), "echo", "up").output()).isEqualTo("up\n");
        ProcessHandle process = ProcessHandle.of(own.pid()).orElseThrow();

        own.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(ssh(own, own.clientKey(), own.knownHostsFile(), "echo", "up").exitCode()).isEqualTo(255);
    }

    private static Result ssh(LocalSshd server, Path key, Path knownHosts, String... remoteCommand) throws Exception {
        List<String> command = new ArrayList<>(List.of("ssh", "-i", key.toString(), "-p", String.valueOf(server.port()),
                "-o", "UserKnownHostsFile=" + knownHosts, "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes",
                "-o", "IdentitiesOnly=yes", "-o", "ConnectTimeout=10", "-F", "/dev/null",
                server.user() + "@127.0.0.1"));
        command.addAll(List.of(remoteCommand));
        return run(server.workDir(), command.toArray(String[]::new));
    }

    private static Result run(Path dir, String... command) throws Exception {
        Path output = Files.createTempFile(dir, "command-", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("finished: %s", String.join(" ", command)).isTrue();
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        return new Result(process.exitValue(), text);
    }
}
