package io.clusterbench.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A set of local servers for a demo: Redis and the nginx balancer always; sshd, the node exporter and Prometheus
 * when their binaries are installed, with the reasons for any that were skipped.
 */
public final class LocalCluster implements AutoCloseable {

    private final LocalRedis redis;
    private final LocalNginxBalancer balancer;
    private final Optional<LocalSshd> sshd;
    private final Optional<LocalNodeExporter> nodeExporter;
    private final Optional<LocalPrometheus> prometheus;
    private final List<LocalServer> started;
    private final List<String> skipped;
    private boolean closed;

    private LocalCluster(Builder parts) {
        this.redis = parts.redis;
        this.balancer = parts.balancer;
        this.sshd = Optional.ofNullable(parts.sshd);
        this.nodeExporter = Optional.ofNullable(parts.nodeExporter);
        this.prometheus = Optional.ofNullable(parts.prometheus);
        this.started = List.copyOf(parts.started);
        this.skipped = List.copyOf(parts.skipped);
    }

    /** Starts the servers in sub-folders of the parent folder, with binaries found on the system. */
    public static LocalCluster start(Path parentDir) throws LocalServerException {
        return start(parentDir, Binaries.system());
    }

    /**
     * Starts the servers in sub-folders of the parent folder ({@code redis}, {@code nginx}, {@code sshd},
     * {@code node-exporter}, {@code prometheus}), taking binaries from the given ones. If any start fails, the
     * servers already started are stopped before the failure is thrown.
     */
    public static LocalCluster start(Path parentDir, Binaries binaries) throws LocalServerException {
        Path parent = WorkFiles.createFolder(parentDir);
        Builder parts = new Builder();
        try {
            parts.redis = parts.add(LocalRedis.start(parent.resolve("redis"), Optional.empty(), binaries));
            parts.balancer = parts.add(LocalNginxBalancer.start(parent.resolve("nginx"), binaries));
            Optional<String> noSshd = binaries.whyMissing(ServerBinary.SSHD, ServerBinary.SSH_KEYGEN);
            if (noSshd.isPresent()) {
                parts.skipped.add("sshd skipped: " + noSshd.get());
            } else {
                parts.sshd = parts.add(LocalSshd.start(parent.resolve("sshd"), binaries));
            }
            Optional<String> noMetrics = binaries.whyMissing(ServerBinary.NODE_EXPORTER, ServerBinary.PROMETHEUS);
            if (noMetrics.isPresent()) {
                parts.skipped.add("node exporter and prometheus skipped: " + noMetrics.get());
            } else {
                parts.nodeExporter = parts.add(LocalNodeExporter.start(parent.resolve("node-exporter"), binaries));
                parts.prometheus = parts.add(
                        LocalPrometheus.start(parent.resolve("prometheus"), parts.nodeExporter, binaries));
            }
            return new LocalCluster(parts);
        } catch (LocalServerException | RuntimeException | Error e) {
            stopInReverse(parts.started);
            throw e;
        }
    }

    /** The Redis server, always started. */
    public LocalRedis redis() {
        return redis;
    }

    /** The nginx balancer with its two upstreams, always started. */
    public LocalNginxBalancer balancer() {
        return balancer;
    }

    /** The sshd, when sshd and ssh-keygen are installed. */
    public Optional<LocalSshd> sshd() {
        return sshd;
    }

    /** The node exporter, when it and Prometheus are installed. */
    public Optional<LocalNodeExporter> nodeExporter() {
        return nodeExporter;
    }

    /** Prometheus scraping the node exporter, when both are installed. */
    public Optional<LocalPrometheus> prometheus() {
        return prometheus;
    }

    /** Every server that was started, in the order they were started. */
    public List<LocalServer> servers() {
        return started;
    }

    /** One line per server that was not started, saying why and how to install it; empty when none was skipped. */
    public List<String> skipped() {
        return skipped;
    }

    /** Stops every server in the reverse order of starting; calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            stopInReverse(started);
        }
    }

    private static void stopInReverse(List<LocalServer> servers) {
        List<LocalServer> reversed = new ArrayList<>(servers);
        Collections.reverse(reversed);
        // close() never throws a checked exception, and each server stops its own process tree; one stubborn
        // server must not leave the others running.
        for (LocalServer server : reversed) {
            try {
                server.close();
            } catch (RuntimeException e) {
                // Keep stopping the rest.
            }
        }
    }

    @Override
    public String toString() {
        return "LocalCluster" + started + (skipped.isEmpty() ? "" : " skipped " + skipped);
    }

    /** The servers gathered while starting, so that a failure half-way knows what to stop. */
    private static final class Builder {
        private final List<LocalServer> started = new ArrayList<>();
        private final List<String> skipped = new ArrayList<>();
        private LocalRedis redis;
        private LocalNginxBalancer balancer;
        private LocalSshd sshd;
        private LocalNodeExporter nodeExporter;
        private LocalPrometheus prometheus;

        <T extends LocalServer> T add(T server) {
            started.add(server);
            return server;
        }
    }
}
