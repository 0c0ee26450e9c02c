package io.clusterbench.spec;

import java.nio.file.Path;
import java.util.Objects;

/** How a host's SSH key is checked before anything is sent to it. */
public sealed interface HostKeyPolicy {

    /** Check against an OpenSSH known_hosts file ({@code ~} expanded at use). */
    record KnownHosts(Path file) implements HostKeyPolicy {
        public KnownHosts {
            Objects.requireNonNull(file, "file");
        }
    }

    /** Accept only the key whose SHA-256 fingerprint is this, written {@code SHA256:} + 43 base64 characters. */
    record Pinned(String sha256Fingerprint) implements HostKeyPolicy {
        public Pinned {
            Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
        }
    }

    /** Accept any key: open to a machine in the middle; the loader warns about it. */
    record InsecureAcceptAny() implements HostKeyPolicy {
    }
}
