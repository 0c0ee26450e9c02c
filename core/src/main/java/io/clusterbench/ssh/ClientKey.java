package io.clusterbench.ssh;

import com.hierynomus.sshj.common.KeyDecryptionFailedException;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.ssh.SshException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/** A client private key read and decrypted up front, so that key problems are reported as key problems. */
record ClientKey(KeyProvider provider, String fingerprint) {

    /** Reads the target's key, or returns empty when it authenticates with a password. */
    static Optional<ClientKey> load(SSHClient ssh, SshTarget target) throws ClusterBenchException {
        if (target.auth() instanceof SshAuth.KeyFile file) {
            return Optional.of(fromFile(ssh, target, file));
        }
        if (target.auth() instanceof SshAuth.KeyText text) {
            return Optional.of(fromText(ssh, target, text));
        }
        return Optional.empty();
    }

    private static ClientKey fromFile(SSHClient ssh, SshTarget target, SshAuth.KeyFile file)
            throws ClusterBenchException {
        Path path = file.path();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new SshException(Reason.KEY_UNUSABLE, target.describe() + ": cannot read the key file " + path
                    + ": check that it exists and that this user may read it");
        }
        String what = "the key file " + path;
        try {
            return decrypt(target, ssh.loadKeys(path.toString(), passwordFinder(file.passphrase())), what,
                    file.passphrase().isPresent());
        } catch (IOException | RuntimeException e) {
            throw unreadable(target, what, e);
        }
    }

    private static ClientKey fromText(SSHClient ssh, SshTarget target, SshAuth.KeyText text)
            throws ClusterBenchException {
        String what = "the private key given as text";
        try {
            KeyProvider provider = ssh.loadKeys(text.pem().reveal(), null, passwordFinder(text.passphrase()));
            return decrypt(target, provider, what, text.passphrase().isPresent());
        } catch (IOException | RuntimeException e) {
            throw unreadable(target, what, e);
        }
    }

    private static ClientKey decrypt(SshTarget target, KeyProvider provider, String what, boolean hasPassphrase)
            throws ClusterBenchException {
        try {
            provider.getPrivate();
            return new ClientKey(provider, HostKeyFingerprint.sha256(provider.getPublic()));
        } catch (KeyDecryptionFailedException e) {
            String advice = hasPassphrase
                    ? "the passphrase is wrong: check the passphrase given for it"
                    : "it is encrypted: give its passphrase";
            throw new SshException(Reason.KEY_UNUSABLE, target.describe() + ": cannot decrypt " + what + ": "
                    + advice, e);
        } catch (IOException | RuntimeException e) {
            throw unreadable(target, what, e);
        }
    }

    private static SshException unreadable(SshTarget target, String what, Exception e) {
        // The parser's own text stays in the cause only: some parsers quote the input, which is secret.
        return new SshException(Reason.KEY_UNUSABLE, target.describe() + ": cannot use " + what + ": it is"
                + " empty, damaged or not a private key: give an OpenSSH, PEM, PKCS#8 or PuTTY private key", e);
    }

    /** Hands out a fresh copy each time, because sshj wipes the arrays it is given. */
    private static PasswordFinder passwordFinder(Optional<Secret> passphrase) {
        if (passphrase.isEmpty()) {
            return null;
        }
        Secret secret = passphrase.get();
        return new PasswordFinder() {
            @Override
            public char[] reqPassword(Resource<?> resource) {
                return secret.revealChars();
            }

            @Override
            public boolean shouldRetry(Resource<?> resource) {
                return false;
            }
        };
    }
}
