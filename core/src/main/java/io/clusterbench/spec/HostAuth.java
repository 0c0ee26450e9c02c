package io.clusterbench.spec;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** How Cluster Bench logs in to a host: a key file, key text from a secret, or a password secret. */
public sealed interface HostAuth {

    /**
     * A private key file; the path may start with {@code ~} (expanded at use, see {@link SpecPaths#expandHome}),
     * relative paths are already resolved against the spec's folder.
     */
    record KeyFile(Path path, Optional<SecretRef> passphrase) implements HostAuth {
        public KeyFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(passphrase, "passphrase");
        }
    }

    /** Private key text (PEM or OpenSSH format) read from a secret. */
    record KeyText(SecretRef key, Optional<SecretRef> passphrase) implements HostAuth {
        public KeyText {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(passphrase, "passphrase");
        }
    }

    /** A password read from a secret. */
    record Password(SecretRef password) implements HostAuth {
        public Password {
            Objects.requireNonNull(password, "password");
        }
    }
}
