package io.clusterbench.probe.http;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLException;

/**
 * Says why a TLS handshake failed in the user's terms (whose certificate, checked against what, and what to do)
 * instead of the JDK's exception chain, whose class names mean nothing to someone reading a report.
 */
final class TlsFailures {

    private TlsFailures() {
    }

    /** The message of a {@code tls} error for the handshake with the plan's server that failed with {@code e}. */
    static String describe(SSLException e, RequestPlan plan) {
        String trusted = plan.trust().map(TlsTrust::source).orElse("this JVM's trust store");
        String prefix = "TLS handshake with " + plan.address() + " (service " + plan.serviceId() + ") failed: ";
        if (has(e, CertificateExpiredException.class) || has(e, CertificateNotYetValidException.class)) {
            return prefix + "the server's certificate is outside its validity period (" + rootMessage(e)
                    + "); renew it on the server";
        }
        if (has(e, CertPathBuilderException.class) || has(e, CertPathValidatorException.class)) {
            return prefix + "the server's certificate is not signed by a CA in " + trusted + "; "
                    + (plan.trust().isPresent()
                            ? "put the certificate of the CA that signed it into that file"
                            : "for a private CA give the service caFile: with the CA's certificate (PEM)");
        }
        String reason = rootMessage(e);
        if (reason.startsWith("No subject alternative") || reason.startsWith("No name matching")) {
            return prefix + "the server's certificate is not valid for " + plan.host()
                    + " (none of its names is that host); use a url whose host is a name on the certificate";
        }
        return prefix + reason + "; check the server's TLS setup and " + trusted;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message, which names the reason; the outer ones wrap it with class names. */
    private static String rootMessage(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message;
    }
}
