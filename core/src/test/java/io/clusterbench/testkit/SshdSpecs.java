package io.clusterbench.testkit;

import io.clusterbench.local.LocalSshd;

/** Spec text for tests that reach the test kit's sshd, so the host entry is written in one place. */
public final class SshdSpecs {
    private SshdSpecs() {
    }

    /**
     * A host entry named {@code id}, indented to sit under {@code hosts:}, that logs in to the sshd with its key and
     * checks the sshd's key in its known_hosts file.
     */
    public static String host(String id, LocalSshd sshd) {
        return """
                  %s:
                    address: 127.0.0.1
                    port: %d
                    user: "%s"
                    keyFile: "%s"
                    knownHosts: "%s"
                    connectTimeout: 5s
                """.formatted(id, sshd.port(), sshd.user(), sshd.clientKey(), sshd.knownHostsFile());
    }
}
