package io.clusterbench.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeyFingerprintTest {

    @Test
    void matchesTheFingerprintSshKeygenPrints(@TempDir Path dir) throws Exception {
        Path key = SshTestKeys.newKey(dir, "some-host-key");
        String blob = SshTestKeys.publicKey(key).split(" ")[1];
        PublicKey publicKey = new Buffer.PlainBuffer(Base64.getDecoder().decode(blob)).readPublicKey();

        assertThat(HostKeyFingerprint.sha256(publicKey)).isEqualTo(SshTestKeys.fingerprint(key));
        assertThat(HostKeyFingerprint.describe(publicKey)).isEqualTo("ssh-ed25519 " + SshTestKeys.fingerprint(key));
    }
}
