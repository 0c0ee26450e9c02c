package io.clusterbench.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

/** OpenSSH-style SHA-256 fingerprints of public keys, as {@code ssh-keygen -lf} prints them. */
public final class HostKeyFingerprint {

    private HostKeyFingerprint() {
    }

    /** {@code SHA256:} and the unpadded base64 of SHA-256 over the key's SSH wire encoding. */
    public static String sha256(PublicKey key) {
        byte[] wireEncoding = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(wireEncoding);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The key's SSH type name and fingerprint, for example {@code ssh-ed25519 SHA256:...}. */
    public static String describe(PublicKey key) {
        return KeyType.fromKey(key) + " " + sha256(key);
    }
}
