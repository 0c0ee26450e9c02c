package io.clusterbench.ssh;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/** How the host key a server presents is verified; every variant but {@link AcceptAny} fails closed. */
public sealed interface HostKeyCheck {

    /** The key must match an entry for the host in an OpenSSH {@code known_hosts} file. */
    record KnownHostsFile(Path path) implements HostKeyCheck {
        public KnownHostsFile {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * The key's SHA-256 fingerprint must equal this one, written as OpenSSH prints it:
     * {@code SHA256:} followed by unpadded base64 (as {@code ssh-keygen -lf} shows).
     */
    record PinnedFingerprint(String sha256) implements HostKeyCheck {
        private static final Pattern FORMAT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

        public PinnedFingerprint {
            Objects.requireNonNull(sha256, "sha256");
            // A trailing '=' is what some tools print; OpenSSH drops it, and so do we, so both spellings match.
            sha256 = sha256.strip().replaceAll("=+$", "");
            if (!FORMAT.matcher(sha256).matches()) {
                throw new IllegalArgumentException("a pinned host key fingerprint must look like SHA256:"
                        + "<43 base64 characters>, as 'ssh-keygen -lf <host key>.pub' prints it; got '"
                        + sha256 + "'");
            }
        }
    }

    /**
     * Any key is accepted: only for {@code insecureAcceptAnyHostKey: true} in the spec, and recorded in the run as
     * insecure, because it lets a man in the middle read and change everything.
     */
    record AcceptAny() implements HostKeyCheck {
    }
}
