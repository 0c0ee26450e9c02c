package io.clusterbench.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SshTargetTest {
    private static final String FINGERPRINT = "SHA256:3KQRYqaPZYYkLGWkffPnmqWsm2KNOV3eKkafisa4W9M";

    @Test
    void secretNeverShowsInToString() {
        Secret secret = Secret.of("hunter2");

        assertThat(secret).hasToString("****");
        assertThat(secret.reveal()).isEqualTo("hunter2");
    }

    @Test
    void secretCopiesTheArrayItIsGivenAndHandsOutCopies() {
        char[] original = "hunter2".toCharArray();
        Secret secret = Secret.of(original);
        Arrays.fill(original, 'x');
        char[] revealed = secret.revealChars();
        Arrays.fill(revealed, 'y');

        assertThat(secret.reveal()).isEqualTo("hunter2");
    }

    @Test
    void targetToStringShowsNoPasswordKeyTextOrPassphrase() {
        SshTarget withPassword = target(new SshAuth.Password(Secret.of("pw-hunter2")));
        SshTarget withKeyText = target(new SshAuth.KeyText(Secret.of("-----BEGIN OPENSSH PRIVATE KEY-----xyz"),
                Optional.of(Secret.of("phrase-hunter3"))));
        SshTarget withKeyFile = target(new SshAuth.KeyFile(Path.of("/keys/id"), Optional.of(Secret.of("pp-4"))));

        assertThat(withPassword.toString()).doesNotContain("pw-hunter2").contains("****");
        assertThat(withKeyText.toString()).doesNotContain("BEGIN", "xyz", "phrase-hunter3");
        assertThat(withKeyFile.toString()).contains("/keys/id").doesNotContain("pp-4");
    }

    @Test
    void describesHostByIdAddressAndPort() {
        assertThat(target(new SshAuth.KeyFile(Path.of("/k"))).describe()).isEqualTo("ssh host sark (10.0.0.69:22)");
    }

    @Test
    void onlyAcceptAnyIsInsecure() {
        SshAuth auth = new SshAuth.KeyFile(Path.of("/k"));
        SshTarget pinned = new SshTarget("sark", "10.0.0.69", "ops", auth,
                new HostKeyCheck.PinnedFingerprint(FINGERPRINT));
        SshTarget known = new SshTarget("sark", "10.0.0.69", "ops", auth,
                new HostKeyCheck.KnownHostsFile(Path.of("/kh")));
        SshTarget any = new SshTarget("sark", "10.0.0.69", "ops", auth, new HostKeyCheck.AcceptAny());

        assertThat(pinned.insecure()).isFalse();
        assertThat(known.insecure()).isFalse();
        assertThat(any.insecure()).isTrue();
    }

    @Test
    void pinnedFingerprintAcceptsOpenSshSpellingAndDropsBase64Padding() {
        assertThat(new HostKeyCheck.PinnedFingerprint(FINGERPRINT).sha256()).isEqualTo(FINGERPRINT);
        assertThat(new HostKeyCheck.PinnedFingerprint(" " + FINGERPRINT + "= ").sha256()).isEqualTo(FINGERPRINT);
    }

    @Test
    void pinnedFingerprintRefusesOtherSpellingsSayingWhatItWants() {
        assertThatThrownBy(() -> new HostKeyCheck.PinnedFingerprint("3KQRYqaPZYYkLGWkffPnmqWsm2KNOV3eKkafisa4W9M"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHA256:")
                .hasMessageContaining("ssh-keygen -lf");
        assertThatThrownBy(() -> new HostKeyCheck.PinnedFingerprint("MD5:aa:bb"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesPortOutOfRangeAndNonPositiveTimeouts() {
        SshAuth auth = new SshAuth.KeyFile(Path.of("/k"));
        HostKeyCheck check = new HostKeyCheck.AcceptAny();
        assertThatThrownBy(() -> new SshTarget("h", "a", 0, "u", auth, check, Duration.ofSeconds(1),
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> new SshTarget("h", "a", 22, "u", auth, check, Duration.ZERO,
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connectTimeout");
    }

    private static SshTarget target(SshAuth auth) {
        return new SshTarget("sark", "10.0.0.69", "ops", auth, new HostKeyCheck.PinnedFingerprint(FINGERPRINT));
    }
}
