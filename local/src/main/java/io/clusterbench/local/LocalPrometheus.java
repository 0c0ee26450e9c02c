package io.clusterbench.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/** A private Prometheus on a loopback port that scrapes one node exporter every second as job {@code node}. */
public final class LocalPrometheus extends ProcessBackedServer {

    /** The job name under which the node exporter is scraped. */
    public static final String NODE_JOB = "node";

    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path configFile;
    private final LocalNodeExporter nodeExporter;

    private LocalPrometheus(int port, Path workDir, ManagedProcess process, Path configFile,
            LocalNodeExporter nodeExporter) {
        super("prometheus", port, workDir, process);
        this.configFile = configFile;
        this.nodeExporter = nodeExporter;
    }

    /** Starts Prometheus in the folder (created if absent), scraping the exporter; the caller still owns the exporter. */
    public static LocalPrometheus start(Path workDir, LocalNodeExporter nodeExporter) throws LocalServerException {
        return start(workDir, nodeExporter, Binaries.system());
    }

    /** Starts Prometheus in the folder, scraping the exporter, taking prometheus from the given binaries. */
    public static LocalPrometheus start(Path workDir, LocalNodeExporter nodeExporter, Binaries binaries)
            throws LocalServerException {
        Path binary = binaries.locate(ServerBinary.PROMETHEUS);
        Path dir = WorkFiles.createFolder(workDir);
        Path configFile = dir.resolve("prometheus.yml");
        WorkFiles.write(configFile, config(nodeExporter.target()));
        Path data = WorkFiles.createFolder(dir.resolve("data"));
        return FreePorts.retryOnPortClash(() -> {
            int port = FreePorts.loopback();
            ManagedProcess process = ManagedProcess.start("prometheus", List.of(binary.toString(),
                    "--config.file=" + configFile,
                    "--storage.tsdb.path=" + data,
                    "--web.listen-address=" + LOOPBACK + ":" + port,
                    // Lets later tests apply a changed prometheus.yml with POST /-/reload.
                    "--web.enable-lifecycle"), dir, List.of());
            process.awaitReady(STARTUP, () -> HttpChecks.answers200(URI.create(url(port) + "/-/ready")));
            return new LocalPrometheus(port, dir, process, configFile, nodeExporter);
        });
    }

    static String config(String nodeTarget) {
        return """
                # Written by Cluster Bench for a private local instance.
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: %s
                    static_configs:
                      - targets: ['%s']
                """.formatted(NODE_JOB, nodeTarget);
    }

    /** The base URL, {@code http://127.0.0.1:PORT}. */
    public String url() {
        return url(port());
    }

    /** The prometheus.yml the server runs. */
    public Path configFile() {
        return configFile;
    }

    /** The node exporter this Prometheus scrapes as job {@value #NODE_JOB}. */
    public LocalNodeExporter nodeExporter() {
        return nodeExporter;
    }

    /**
     * Waits until {@code up{job="JOB"}} is 1, that is until Prometheus has scraped the job's target successfully.
     * Expect about 5 s after start: Prometheus hands discovered targets to its scrapers at most every 5 s, even
     * static ones.
     *
     * @throws LocalServerException when the deadline passes first
     */
    public void awaitTarget(String job, Duration deadline) throws LocalServerException {
        String query = "up{job=\"" + job + "\"}";
        Poll.until(query + " == 1 on " + url(), deadline, () -> {
            OptionalDouble up = queryFirstValue(query);
            return up.isPresent() && up.getAsDouble() == 1.0;
        });
    }

    /**
     * Runs an instant query and returns the value of its first series, or empty when the result is empty.
     *
     * @throws LocalServerException when Prometheus cannot be reached or refuses the query
     */
    public OptionalDouble queryFirstValue(String promql) throws LocalServerException {
        URI uri = URI.create(url() + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HttpChecks.get(uri);
            if (response.statusCode() != 200) {
                throw new LocalServerException("Prometheus at " + url() + " answered "
                        + response.statusCode() + " to the query " + promql + ": " + response.body());
            }
            JsonNode result = JSON.readTree(response.body()).path("data").path("result");
            if (!result.isArray() || result.isEmpty()) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(Double.parseDouble(result.get(0).path("value").path(1).asText()));
        } catch (IOException | NumberFormatException e) {
            throw new LocalServerException("cannot query Prometheus at " + url() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalServerException("interrupted while querying Prometheus at " + url(), e);
        }
    }

    private static String url(int port) {
        return "http://" + LOOPBACK + ":" + port;
    }
}
