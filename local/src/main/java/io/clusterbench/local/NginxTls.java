package io.clusterbench.local;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a balancer started with {@link LocalNginxBalancer#start(java.nio.file.Path, NginxTls)} serves HTTPS: the
 * certificate it presents and the TLS versions it offers.
 *
 * @param certificate the server certificate and key nginx presents
 * @param protocols nginx's {@code ssl_protocols}: {@code TLSv1.2}, {@code TLSv1.3} or both
 */
public record NginxTls(ServerCertificate certificate, List<String> protocols) {

    private static final Set<String> KNOWN = Set.of("TLSv1.2", "TLSv1.3");

    public NginxTls {
        Objects.requireNonNull(certificate, "certificate");
        protocols = List.copyOf(protocols);
        if (protocols.isEmpty() || !KNOWN.containsAll(protocols)) {
            throw new IllegalArgumentException("protocols are TLSv1.2 and/or TLSv1.3, got " + protocols);
        }
    }

    /** The certificate with TLS 1.2 and 1.3 offered: a client that speaks 1.3 gets 1.3. */
    public static NginxTls of(ServerCertificate certificate) {
        return new NginxTls(certificate, List.of("TLSv1.2", "TLSv1.3"));
    }

    /** The same certificate, offering only the given protocol. */
    public NginxTls only(String protocol) {
        return new NginxTls(certificate, List.of(protocol));
    }
}
