package io.clusterbench.local;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A server's certificate and private key, as PEM files, such as {@link LocalCertificateAuthority#issue} makes.
 *
 * @param certificateFile the server's certificate
 * @param privateKeyFile its private key, unencrypted
 */
public record ServerCertificate(Path certificateFile, Path privateKeyFile) {

    public ServerCertificate {
        Objects.requireNonNull(certificateFile, "certificateFile");
        Objects.requireNonNull(privateKeyFile, "privateKeyFile");
    }
}
