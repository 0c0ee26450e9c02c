package io.clusterbench.ssh;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** How to authenticate to a host: a private key file, a private key given as text, or a password. */
public sealed interface SshAuth {

    /** Says how the user authenticates, for error messages; never contains a secret. */
    String describe();

    /** A private key file (OpenSSH, PEM, PKCS#8 or PuTTY format), optionally encrypted with a passphrase. */
    record KeyFile(Path path, Optional<Secret> passphrase) implements SshAuth {
        public KeyFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(passphrase, "passphrase");
        }

        public KeyFile(Path path) {
            this(path, Optional.empty());
        }

        @Override
        public String describe() {
            return "key file " + path;
        }
    }

    /** A private key given as its text (for example from a Jenkins credential), optionally encrypted. */
    record KeyText(Secret pem, Optional<Secret> passphrase) implements SshAuth {
        public KeyText {
            Objects.requireNonNull(pem, "pem");
            Objects.requireNonNull(passphrase, "passphrase");
        }

        public KeyText(Secret pem) {
            this(pem, Optional.empty());
        }

        @Override
        public String describe() {
            return "the private key given as text";
        }
    }

    /** Password authentication (the server must allow it: {@code PasswordAuthentication yes}). */
    record Password(Secret password) implements SshAuth {
        public Password {
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String describe() {
            return "a password";
        }
    }
}
