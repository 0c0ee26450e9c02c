package io.clusterbench.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A private prometheus-node-exporter on a loopback port, with only quick, quiet collectors enabled. */
public final class LocalNodeExporter extends ProcessBackedServer {

    /**
     * Collectors that read /proc and /sys cheaply; the defaults also include ones that are slow or noisy in
     * containers (textfile folder missing, hwmon, thermal, systemd, ...).
     */
    static final List<String> COLLECTORS = List.of("cpu", "meminfo", "loadavg", "filesystem", "diskstats", "netdev",
            "stat", "time", "uname", "vmstat");

    private static final Duration STARTUP = Duration.ofSeconds(20);

    private LocalNodeExporter(int port, Path workDir, ManagedProcess process) {
        super("node-exporter", port, workDir, process);
    }

    /** Starts the exporter in the folder (created if absent), with the binary found on the system. */
    public static LocalNodeExporter start(Path workDir) throws LocalServerException {
        return start(workDir, Binaries.system());
    }

    /** Starts the exporter in the folder, taking prometheus-node-exporter from the given binaries. */
    public static LocalNodeExporter start(Path workDir, Binaries binaries) throws LocalServerException {
        Path binary = binaries.locate(ServerBinary.NODE_EXPORTER);
        Path dir = WorkFiles.createFolder(workDir);
        return FreePorts.retryOnPortClash(() -> {
            int port = FreePorts.loopback();
            List<String> command = new ArrayList<>(List.of(binary.toString(),
                    "--web.listen-address=" + LOOPBACK + ":" + port, "--collector.disable-defaults"));
            COLLECTORS.forEach(collector -> command.add("--collector." + collector));
            ManagedProcess process = ManagedProcess.start("node-exporter", command, dir, List.of());
            process.awaitReady(STARTUP, () -> HttpChecks.answers200(URI.create(url(port) + "/metrics")));
            return new LocalNodeExporter(port, dir, process);
        });
    }

    /** The exporter's base URL, {@code http://127.0.0.1:PORT}; metrics are under {@code /metrics}. */
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
