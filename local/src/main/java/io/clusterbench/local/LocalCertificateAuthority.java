package io.clusterbench.local;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A private certificate authority for tests of TLS clients, made by {@code openssl} in a folder: its own key and
 * self-signed certificate, and server certificates it signs for the names given (as subjectAltName, which is what
 * clients check). Keys are EC P-256 and certificates valid for two days: fit for a test and nothing else.
 *
 * <pre>{@code
 * LocalCertificateAuthority ca = LocalCertificateAuthority.create(dir.resolve("ca"), "Test CA");
 * ServerCertificate server = ca.issue("server", List.of("127.0.0.1", "localhost"));
 * // a client trusts ca.certificateFile(); nginx serves server.certificateFile() with server.privateKeyFile()
 * }</pre>
 */
public final class LocalCertificateAuthority {

    private static final Duration OPENSSL_TIMEOUT = Duration.ofSeconds(30);
    private static final String DAYS = "2";
    private static final Pattern FILE_STEM = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** What may appear in a config value written for openssl: no separators, quotes or line breaks. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9 .:*-]+");

    private final Path folder;
    private final Path openssl;
    private final Path certificateFile;
    private final Path keyFile;

    private LocalCertificateAuthority(Path folder, Path openssl, Path certificateFile, Path keyFile) {
        this.folder = folder;
        this.openssl = openssl;
        this.certificateFile = certificateFile;
        this.keyFile = keyFile;
    }

    /** Makes a new authority in the folder (created if absent), with openssl found on the system. */
    public static LocalCertificateAuthority create(Path folder, String name) throws LocalServerException {
        requirePlain(name);
        Path openssl = Binaries.system().locate(ServerBinary.OPENSSL);
        Path dir = WorkFiles.createFolder(folder);
        Path config = dir.resolve("ca.cnf");
        WorkFiles.write(config, """
                [req]
                distinguished_name = dn
                prompt = no
                x509_extensions = ca
                [dn]
                CN = %s
                [ca]
                basicConstraints = critical, CA:TRUE
                keyUsage = critical, keyCertSign, cRLSign
                subjectKeyIdentifier = hash
                """.formatted(name));
        Path certificate = dir.resolve("ca.pem");
        Path key = dir.resolve("ca.key");
        OneShotCommand.run(List.of(openssl.toString(), "req", "-x509", "-config", config.toString(),
                "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key.toString(), "-out", certificate.toString(), "-days", DAYS,
                "-set_serial", serial()), dir, OPENSSL_TIMEOUT, Set.of());
        return new LocalCertificateAuthority(dir, openssl, certificate, key);
    }

    /** The authority's certificate (PEM): what a client that should trust its servers is given. */
    public Path certificateFile() {
        return certificateFile;
    }

    /**
     * Signs a new server certificate for the names, written to {@code STEM.pem} and {@code STEM.key} in this
     * authority's folder. The first name is also the subject's common name.
     *
     * @param fileStem the files' name, lowercase letters, digits and dashes
     * @param names IP literals (IPv4 or IPv6) and DNS names, each a subjectAltName of its kind
     */
    public ServerCertificate issue(String fileStem, List<String> names) throws LocalServerException {
        if (!FILE_STEM.matcher(fileStem).matches()) {
            throw new IllegalArgumentException("a file stem is lowercase letters, digits and dashes: " + fileStem);
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one name");
        }
        names.forEach(LocalCertificateAuthority::requirePlain);
        String altNames = String.join(", ", names.stream().map(LocalCertificateAuthority::altName).toList());
        Path config = folder.resolve(fileStem + ".cnf");
        WorkFiles.write(config, """
                [req]
                distinguished_name = dn
                prompt = no
                [dn]
                CN = %s
                [server]
                basicConstraints = critical, CA:FALSE
                keyUsage = critical, digitalSignature
                extendedKeyUsage = serverAuth
                subjectAltName = %s
                authorityKeyIdentifier = keyid
                """.formatted(names.get(0), altNames));
        Path request = folder.resolve(fileStem + ".csr");
        ServerCertificate server = new ServerCertificate(folder.resolve(fileStem + ".pem"),
                folder.resolve(fileStem + ".key"));
        OneShotCommand.run(List.of(openssl.toString(), "req", "-new", "-config", config.toString(),
                "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", server.privateKeyFile().toString(), "-out", request.toString()),
                folder, OPENSSL_TIMEOUT, Set.of());
        OneShotCommand.run(List.of(openssl.toString(), "x509", "-req", "-in", request.toString(),
                "-CA", certificateFile.toString(), "-CAkey", keyFile.toString(), "-set_serial", serial(),
                "-days", DAYS, "-extfile", config.toString(), "-extensions", "server",
                "-out", server.certificateFile().toString()), folder, OPENSSL_TIMEOUT, Set.of());
        return server;
    }

    @Override
    public String toString() {
        return "LocalCertificateAuthority[" + certificateFile + "]";
    }

    private static String altName(String name) {
        return IPV4.matcher(name).matches() || name.contains(":") ? "IP:" + name : "DNS:" + name;
    }

    private static void requirePlain(String value) {
        if (!PLAIN.matcher(value).matches()) {
            throw new IllegalArgumentException("not a plain name for a certificate: '" + value + "'");
        }
    }

    /** A random positive serial, so that no two certificates of a test run share issuer and serial. */
    private static String serial() {
        return "0x" + new BigInteger(63, new SecureRandom()).add(BigInteger.ONE).toString(16);
    }
}
