package io.clusterbench.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A private Prometheus Pushgateway on a loopback port that keeps pushed metrics in memory only (no persistence
 * file), so that nothing outlives the test; Debian's package starts its own service on port 9091, which this never
 * touches.
 */
public final class LocalPushgateway extends ProcessBackedServer {

    private static final Duration STARTUP = Duration.ofSeconds(20);

    private LocalPushgateway(int port, Path workDir, ManagedProcess process) {
        super("pushgateway", port, workDir, process);
    }

    /** Starts the Pushgateway in the folder (created if absent), with the binary found on the system. */
    public static LocalPushgateway start(Path workDir) throws LocalServerException {
        return start(workDir, Binaries.system());
    }

    /** Starts the Pushgateway in the folder, taking prometheus-pushgateway from the given binaries. */
    public static LocalPushgateway start(Path workDir, Binaries binaries) throws LocalServerException {
        return start(workDir, binaries, null);
    }

    /**
     * Starts a Pushgateway that asks every request for HTTP basic authentication as {@code user}, whose password
     * {@code bcryptHash} holds (the web configuration's {@code basic_auth_users}; a bcrypt hash, as the Pushgateway
     * stores no plain password).
     */
    public static LocalPushgateway startWithBasicAuth(Path workDir, String user, String bcryptHash)
            throws LocalServerException {
        Path dir = WorkFiles.createFolder(workDir);
        Path webConfig = dir.resolve("web-config.yml");
        WorkFiles.write(webConfig, "basic_auth_users:\n  " + user + ": '" + bcryptHash + "'\n");
        return start(dir, Binaries.system(), webConfig);
    }

    private static LocalPushgateway start(Path workDir, Binaries binaries, Path webConfig)
            throws LocalServerException {
        Path binary = binaries.locate(ServerBinary.PUSHGATEWAY);
        Path dir = WorkFiles.createFolder(workDir);
        return FreePorts.retryOnPortClash(() -> {
            int port = FreePorts.loopback();
            List<String> command = new ArrayList<>(List.of(binary.toString(),
                    "--web.listen-address=" + LOOPBACK + ":" + port,
                    // Empty: in memory only. The package's default file is the system service's, under /var/lib.
                    "--persistence.file="));
            if (webConfig != null) {
                command.add("--web.config.file=" + webConfig);
            }
            ManagedProcess process = ManagedProcess.start("pushgateway", command, dir, List.of());
            // With authentication every path answers 401 until the client logs in: an answer is what tells it is up.
            process.awaitReady(STARTUP, () -> webConfig == null
                    ? HttpChecks.answers200(URI.create(url(port) + "/-/ready"))
                    : HttpChecks.get(URI.create(url(port) + "/-/ready")).statusCode() == 401);
            return new LocalPushgateway(port, dir, process);
        });
    }

    /** The base URL, {@code http://127.0.0.1:PORT}, which clients push to under {@code /metrics/job/...}. */
    public String url() {
        return url(port());
    }

    /** The scrape target as Prometheus names it, {@code 127.0.0.1:PORT}. */
    public String target() {
        return LOOPBACK + ":" + port();
    }

    private static String url(int port) {
        return "http://" + LOOPBACK + ":" + port;
    }
}
