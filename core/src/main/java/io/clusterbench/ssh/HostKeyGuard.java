package io.clusterbench.ssh;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ssh.SshException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * The one host key verifier of a connection: applies the target's {@link HostKeyCheck}, and remembers the key the
 * server presented and why it was refused, because sshj itself only reports "could not verify".
 */
final class HostKeyGuard implements HostKeyVerifier {

    /** Why a presented key was refused, and the failure reason it is reported as. */
    enum Refusal {
        /** known_hosts has a key for this host, but a different one. */
        CHANGED(Reason.HOST_KEY_CHANGED),
        /** known_hosts has no key for this host. */
        UNKNOWN(Reason.HOST_KEY_UNKNOWN),
        /** The key's fingerprint differs from the pinned one. */
        PIN_MISMATCH(Reason.HOST_KEY_MISMATCH);

        private final Reason reason;

        Refusal(Reason reason) {
            this.reason = reason;
        }
    }

    private final SshTarget target;
    private final RecordingKnownHosts knownHosts;
    private volatile PublicKey presented;
    private volatile Refusal refusal;

    private HostKeyGuard(SshTarget target, RecordingKnownHosts knownHosts) {
        this.target = target;
        this.knownHosts = knownHosts;
    }

    /** Prepares the check for a target, reading its known_hosts file if it has one. */
    static HostKeyGuard forTarget(SshTarget target) throws ClusterBenchException {
        if (target.hostKeyCheck() instanceof HostKeyCheck.KnownHostsFile file) {
            return new HostKeyGuard(target, readKnownHosts(target, file.path()));
        }
        return new HostKeyGuard(target, null);
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        presented = key;
        HostKeyCheck check = target.hostKeyCheck();
        if (check instanceof HostKeyCheck.AcceptAny) {
            return true;
        }
        if (check instanceof HostKeyCheck.PinnedFingerprint pinned) {
            if (pinned.sha256().equals(HostKeyFingerprint.sha256(key))) {
                return true;
            }
            refusal = Refusal.PIN_MISMATCH;
            return false;
        }
        boolean known = knownHosts.verify(hostname, port, key);
        refusal = known ? null : knownHosts.refusal;
        return known;
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        // Asking for the key type known_hosts holds makes the server present that key, so that a host with several
        // keys is not reported as changed merely because it offered another type first.
        return knownHosts == null ? List.of() : knownHosts.findExistingAlgorithms(hostname, port);
    }

    /** The SSH type and fingerprint of the key the server presented, once the handshake got that far. */
    Optional<String> presentedKey() {
        PublicKey key = presented;
        return key == null ? Optional.empty() : Optional.of(HostKeyFingerprint.describe(key));
    }

    /**
     * The failure to report when this guard refused the key, with a message naming the host, the file or pin, and
     * what to do; empty when the connect failed for another reason.
     */
    Optional<SshException> refusalFailure(Throwable cause) {
        Refusal why = refusal;
        if (why == null) {
            return Optional.empty();
        }
        return Optional.of(new SshException(why.reason, refusalMessage(why), cause));
    }

    private String refusalMessage(Refusal why) {
        String key = presentedKey().orElse("an unreadable key");
        String where = target.describe();
        return switch (why) {
            case CHANGED -> where + ": host key CHANGED: the known_hosts file " + knownHostsPath()
                    + " holds a different key for " + knownHostsName() + " than the " + key + " the server"
                    + " presented. This can be a man-in-the-middle attack; if the host was reinstalled, verify the"
                    + " new key out of band and replace its line (ssh-keygen -R '" + knownHostsName() + "' -f "
                    + knownHostsPath() + ")";
            case UNKNOWN -> where + ": host key UNKNOWN: the known_hosts file " + knownHostsPath()
                    + " has no key for " + knownHostsName() + "; the server presented " + key + ". Verify that"
                    + " fingerprint out of band (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the host), then add"
                    + " the host's line to the file or pin it as the host's hostKey";
            case PIN_MISMATCH -> where + ": host key fingerprint mismatch: expected "
                    + ((HostKeyCheck.PinnedFingerprint) target.hostKeyCheck()).sha256() + " but the server"
                    + " presented " + key + ". If the host's key really changed, verify the new fingerprint out of"
                    + " band and update the host's hostKey in the spec";
        };
    }

    private Path knownHostsPath() {
        return ((HostKeyCheck.KnownHostsFile) target.hostKeyCheck()).path();
    }

    /** How OpenSSH names the host in known_hosts: the address, in brackets with the port when it is not 22. */
    private String knownHostsName() {
        return target.port() == SshTarget.DEFAULT_PORT
                ? target.address()
                : "[" + target.address() + "]:" + target.port();
    }

    private static RecordingKnownHosts readKnownHosts(SshTarget target, Path path) throws ClusterBenchException {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new SshException(Reason.KNOWN_HOSTS_UNREADABLE, target.describe() + ": known_hosts file " + path
                    + " does not exist or cannot be read: create it with the host's verified key line, or pin the"
                    + " host key fingerprint instead");
        }
        try {
            return new RecordingKnownHosts(path);
        } catch (IOException e) {
            throw new SshException(Reason.KNOWN_HOSTS_UNREADABLE, target.describe() + ": cannot read known_hosts file "
                    + path + ": " + e.getMessage(), e);
        }
    }

    /** sshj's known_hosts verifier, told to note which of its two refusals happened. */
    private static final class RecordingKnownHosts extends OpenSSHKnownHosts {
        private volatile Refusal refusal;

        RecordingKnownHosts(Path path) throws IOException {
            super(path.toFile());
        }

        @Override
        protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
            refusal = Refusal.CHANGED;
            return false;
        }

        @Override
        protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
            refusal = Refusal.UNKNOWN;
            return false;
        }
    }
}
