package io.clusterbench.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * A private OpenSSH sshd on a loopback port with its own host key, authorized keys and config, run in the
 * foreground, plus two authorized client keys (one protected by a passphrase) and a matching known_hosts file.
 */
public final class LocalSshd extends ProcessBackedServer {

    private static final Duration STARTUP = Duration.ofSeconds(15);
    private static final Duration KEYGEN_TIMEOUT = Duration.ofSeconds(30);
    private static final Path PRIVILEGE_SEPARATION_DIR = Path.of("/run/sshd");
    private static final String PASSPHRASE_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final KeyMaterial keys;
    private final Path configFile;
    private final Path knownHostsFile;

    private LocalSshd(int port, Path workDir, ManagedProcess process, KeyMaterial keys, Path configFile,
            Path knownHostsFile) {
        super("sshd", port, workDir, process);
        this.keys = keys;
        this.configFile = configFile;
        this.knownHostsFile = knownHostsFile;
    }

    /** The keys generated for one sshd; the passphrase never appears in toString. */
    private record KeyMaterial(Path hostKey, String hostPublicKey, String hostKeyFingerprint, Path clientKey,
            Path encryptedClientKey, String passphrase, Path authorizedKeys) {
        @Override
        public String toString() {
            return "KeyMaterial[" + hostKeyFingerprint + "]";
        }
    }

    /** Starts sshd in the folder (created if absent), with binaries found on the system. */
    public static LocalSshd start(Path workDir) throws LocalServerException {
        return start(workDir, Binaries.system());
    }

    /** Starts sshd in the folder, taking sshd and ssh-keygen from the given binaries. */
    public static LocalSshd start(Path workDir, Binaries binaries) throws LocalServerException {
        // sshd re-executes itself and therefore insists on an absolute path; locate() returns one.
        Path sshd = binaries.locate(ServerBinary.SSHD);
        Path keygen = binaries.locate(ServerBinary.SSH_KEYGEN);
        Path dir = WorkFiles.createFolder(workDir);
        boolean root = CurrentUser.isRoot();
        if (root) {
            ensurePrivilegeSeparationDir();
        }
        KeyMaterial keys = generateKeys(keygen, dir);
        Path configFile = dir.resolve("sshd_config");
        Path knownHosts = dir.resolve("known_hosts");
        // sshd -t checks the syntax only, so any valid port will do for this probe.
        WorkFiles.write(configFile, config(22, dir, keys, root, false));
        boolean penaltiesOption = understandsPerSourcePenalties(sshd, configFile, dir);
        return FreePorts.retryOnPortClash(() -> {
            int port = FreePorts.loopback();
            WorkFiles.write(configFile, config(port, dir, keys, root, penaltiesOption));
            // Written before the start, so that nothing can fail between readiness and handing the server over.
            WorkFiles.write(knownHosts, "[" + LOOPBACK + "]:" + port + " " + keys.hostPublicKey() + "\n");
            ManagedProcess process = ManagedProcess.start("sshd",
                    List.of(sshd.toString(), "-D", "-e", "-f", configFile.toString()), dir, List.of());
            process.awaitReady(STARTUP, () -> sendsSshBanner(port));
            return new LocalSshd(port, dir, process, keys, configFile, knownHosts);
        });
    }

    /** The OS user that the client keys log in as: the user running this JVM. */
    public String user() {
        return CurrentUser.name();
    }

    /** The unencrypted OpenSSH-format ed25519 private key that sshd accepts. */
    public Path clientKey() {
        return keys.clientKey();
    }

    /** An OpenSSH-format ed25519 private key that sshd accepts, encrypted with {@link #encryptedClientKeyPassphrase()}. */
    public Path encryptedClientKey() {
        return keys.encryptedClientKey();
    }

    /** The passphrase of {@link #encryptedClientKey()}. */
    public String encryptedClientKeyPassphrase() {
        return keys.passphrase();
    }

    /** A known_hosts file holding the line {@code [127.0.0.1]:PORT ssh-ed25519 AAAA...} for this server. */
    public Path knownHostsFile() {
        return knownHostsFile;
    }

    /** The host key's fingerprint as {@code ssh-keygen -lf -E sha256} prints it: {@code SHA256:} and unpadded base64. */
    public String hostKeyFingerprint() {
        return keys.hostKeyFingerprint();
    }

    /** The host public key as {@code ssh-ed25519 AAAA...}, without comment. */
    public String hostPublicKey() {
        return keys.hostPublicKey();
    }

    /** The private host key file. */
    public Path hostKeyFile() {
        return keys.hostKey();
    }

    /** The sshd_config the server was started with. */
    public Path configFile() {
        return configFile;
    }

    static String config(int port, Path dir, KeyMaterial keys, boolean root, boolean penaltiesOption) {
        StringBuilder text = new StringBuilder()
                .append("# Written by Cluster Bench for a private local instance.\n")
                .append("Port ").append(port).append('\n')
                .append("ListenAddress ").append(LOOPBACK).append('\n')
                .append("HostKey ").append(keys.hostKey()).append('\n')
                .append("PidFile ").append(dir.resolve("sshd.pid")).append('\n')
                .append("AuthorizedKeysFile ").append(keys.authorizedKeys()).append('\n')
                // Temporary folders belong to whoever runs the tests; strict modes would reject them.
                .append("StrictModes no\n")
                .append("UsePAM no\n")
                .append("PubkeyAuthentication yes\n")
                .append("PasswordAuthentication yes\n")
                .append("KbdInteractiveAuthentication no\n")
                .append("PermitRootLogin ").append(root ? "yes" : "prohibit-password").append('\n')
                .append("UseDNS no\n")
                .append("PrintMotd no\n")
                .append("PrintLastLog no\n")
                .append("X11Forwarding no\n")
                .append("LogLevel VERBOSE\n")
                // Tests open many connections at once; the defaults would drop some during key exchange.
                .append("MaxStartups 100:30:200\n")
                .append("MaxSessions 100\n")
                .append("Subsystem sftp internal-sftp\n");
        if (penaltiesOption) {
            // OpenSSH 9.8+ would otherwise refuse 127.0.0.1 for a while after tests that fail authentication on purpose.
            text.append("PerSourcePenalties no\n");
        }
        return text.toString();
    }

    private static KeyMaterial generateKeys(Path keygen, Path dir) throws LocalServerException {
        Path hostKey = dir.resolve("ssh_host_ed25519_key");
        Path clientKey = dir.resolve("id_ed25519");
        Path encryptedKey = dir.resolve("id_ed25519_encrypted");
        String passphrase = randomPassphrase();
        generateKey(keygen, dir, hostKey, "", "clusterbench-host");
        generateKey(keygen, dir, clientKey, "", "clusterbench-client");
        generateKey(keygen, dir, encryptedKey, passphrase, "clusterbench-client-encrypted");
        Path authorizedKeys = dir.resolve("authorized_keys");
        WorkFiles.write(authorizedKeys, WorkFiles.read(publicKeyOf(clientKey)) + WorkFiles.read(publicKeyOf(encryptedKey)));
        String[] hostPublic = WorkFiles.read(publicKeyOf(hostKey)).strip().split("\\s+");
        if (hostPublic.length < 2) {
            throw new LocalServerException("ssh-keygen wrote an unreadable public key to "
                    + publicKeyOf(hostKey));
        }
        String publicKey = hostPublic[0] + " " + hostPublic[1];
        return new KeyMaterial(hostKey, publicKey, fingerprint(hostPublic[1]), clientKey, encryptedKey, passphrase,
                authorizedKeys);
    }

    private static void generateKey(Path keygen, Path dir, Path key, String passphrase, String comment)
            throws LocalServerException {
        try {
            // ssh-keygen asks before overwriting, and with stdin closed that question is a failure.
            Files.deleteIfExists(key);
            Files.deleteIfExists(publicKeyOf(key));
        } catch (IOException e) {
            throw new LocalServerException("cannot replace the key " + key + ": " + e, e);
        }
        OneShotCommand.run(List.of(keygen.toString(), "-q", "-t", "ed25519", "-N", passphrase, "-C", comment,
                "-f", key.toString()), dir, KEYGEN_TIMEOUT, passphrase.isEmpty() ? Set.of() : Set.of(passphrase));
    }

    private static Path publicKeyOf(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }

    /** SHA-256 of the key blob in unpadded base64, which is exactly what ssh-keygen -l prints. */
    static String fingerprint(String base64Blob) throws LocalServerException {
        try {
            byte[] blob = Base64.getDecoder().decode(base64Blob);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (IllegalArgumentException | NoSuchAlgorithmException e) {
            throw new LocalServerException("cannot fingerprint the host key: " + e.getMessage(), e);
        }
    }

    private static String randomPassphrase() {
        SecureRandom random = new SecureRandom();
        StringBuilder passphrase = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            passphrase.append(PASSPHRASE_ALPHABET.charAt(random.nextInt(PASSPHRASE_ALPHABET.length())));
        }
        return passphrase.toString();
    }

    /** OpenSSH 9.8 added PerSourcePenalties; older versions refuse to start when the config names it. */
    private static boolean understandsPerSourcePenalties(Path sshd, Path configFile, Path dir) {
        try {
            OneShotCommand.run(List.of(sshd.toString(), "-t", "-f", configFile.toString(), "-o",
                    "PerSourcePenalties=no"), dir, STARTUP, Set.of());
            return true;
        } catch (LocalServerException e) {
            return false;
        }
    }

    /** sshd started by root refuses to run without its privilege-separation folder, which containers often lack. */
    private static void ensurePrivilegeSeparationDir() throws LocalServerException {
        try {
            if (!Files.isDirectory(PRIVILEGE_SEPARATION_DIR)) {
                Files.createDirectories(PRIVILEGE_SEPARATION_DIR);
                Files.setPosixFilePermissions(PRIVILEGE_SEPARATION_DIR, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new LocalServerException("sshd needs the folder " + PRIVILEGE_SEPARATION_DIR
                    + " and it cannot be created: " + e + "; create it with: mkdir -p -m 755 "
                    + PRIVILEGE_SEPARATION_DIR, e);
        }
    }

    private static boolean sendsSshBanner(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 1000);
            socket.setSoTimeout(1000);
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while (line.length() < 255 && (c = in.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
            return line.toString().startsWith("SSH-2.0-");
        }
    }
}
