package io.clusterbench.probe.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificate authorities an https service's certificate is checked against when its spec names a
 * {@code caFile}: exactly the certificates in that PEM file, as curl's {@code --cacert} does, so a private CA is
 * trusted for this service alone and nothing JVM-wide changes. Host-name verification stays on (the transport
 * asks for it). Without a {@code caFile} the JVM's default context checks the server.
 *
 * @param context the TLS context whose trust managers check the server's certificate
 * @param caFile the file it was read from, for messages
 */
record TlsTrust(SSLContext context, Path caFile) {

    /** Where the trusted CAs come from, for messages: {@code caFile PATH}. */
    String source() {
        return "caFile " + caFile;
    }

    /** Thrown when the file cannot be read or holds no usable certificate; the message says which and why. */
    static final class CaFileException extends Exception {
        private static final long serialVersionUID = 1L;

        CaFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Trust in the certificates in the PEM file and no others. */
    static TlsTrust fromCaFile(Path caFile) throws CaFileException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(caFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new CaFileException("cannot read caFile " + caFile + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); check the path", e);
        } catch (CertificateException e) {
            throw new CaFileException("caFile " + caFile + " is not a PEM file of certificates (" + e.getMessage()
                    + "); give the CA's certificate, -----BEGIN CERTIFICATE----- ...", e);
        }
        if (certificates.isEmpty()) {
            throw new CaFileException("caFile " + caFile + " holds no certificate; give the CA's certificate,"
                    + " -----BEGIN CERTIFICATE----- ...", null);
        }
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates) {
                trusted.setCertificateEntry("ca-" + n++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return new TlsTrust(context, caFile);
        } catch (GeneralSecurityException | IOException e) {
            // Only a JVM without the standard providers gets here: the key store is in memory.
            throw new CaFileException("cannot build a TLS context from caFile " + caFile + ": " + e.getMessage(), e);
        }
    }
}
