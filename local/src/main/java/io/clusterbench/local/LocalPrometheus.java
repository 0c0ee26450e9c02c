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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A private Prometheus on a loopback port that scrapes one node exporter every second as job {@code node}, and, once
 * asked ({@link #scrape(LocalPushgateway)}), a Pushgateway as job {@code pushgateway}.
 */
public final class LocalPrometheus extends ProcessBackedServer {

    /** The job name under which the node exporter is scraped. */
    public static final String NODE_JOB = "node";
    /** The job name under which a Pushgateway is scraped. */
    public static final String PUSHGATEWAY_JOB = "pushgateway";

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

    static String config(String nodeTarget, String pushgatewayTarget) {
        // honor_labels: the pushed series keep their own job and instance labels, as the Pushgateway's docs ask;
        // without it they would read exported_job.
        return config(nodeTarget) + """
                  - job_name: %s
                    honor_labels: true
                    static_configs:
                      - targets: ['%s']
                """.formatted(PUSHGATEWAY_JOB, pushgatewayTarget);
    }

    /**
     * Scrapes the Pushgateway too, as job {@value #PUSHGATEWAY_JOB} with {@code honor_labels: true}: rewrites
     * prometheus.yml and reloads it. Follow with {@link #awaitTarget awaitTarget(PUSHGATEWAY_JOB, ...)} before
     * querying what was pushed.
     *
     * @throws LocalServerException when the file cannot be written or Prometheus refuses the reload
     */
    public void scrape(LocalPushgateway pushgateway) throws LocalServerException {
        WorkFiles.write(configFile, config(nodeExporter.target(), pushgateway.target()));
        URI reload = URI.create(url() + "/-/reload");
        try {
            HttpResponse<String> response = HttpChecks.post(reload);
            if (response.statusCode() != 200) {
                throw new LocalServerException("Prometheus at " + url() + " refused to reload " + configFile + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new LocalServerException("cannot reload Prometheus at " + url() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalServerException("interrupted while reloading Prometheus at " + url(), e);
        }
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
     * Polls the instant query until its answer has a series (the first scrape after a push brings it) and returns
     * the answer.
     *
     * @throws LocalServerException when the deadline passes first
     */
    public List<Series> awaitSeries(String promql, Duration deadline) throws LocalServerException {
        List<List<Series>> answer = new ArrayList<>(List.of(List.of()));
        Poll.until("a series for " + promql + " on " + url(), deadline, () -> {
            answer.set(0, query(promql));
            return !answer.get(0).isEmpty();
        });
        return answer.get(0);
    }

    /**
     * Polls the instant query until its first series has the value; for answers that change with the next scrape.
     *
     * @throws LocalServerException when the deadline passes first; its message has the last answer
     */
    public void awaitValue(String promql, double expected, Duration deadline) throws LocalServerException {
        List<List<Series>> answer = new ArrayList<>(List.of(List.of()));
        try {
            Poll.until(promql + " == " + expected + " on " + url(), deadline, () -> {
                answer.set(0, query(promql));
                return !answer.get(0).isEmpty() && answer.get(0).get(0).value() == expected;
            });
        } catch (LocalServerException e) {
            throw new LocalServerException(e.getMessage() + "; last answer: " + answer.get(0), e);
        }
    }

    /** One series of an instant query's answer: its labels (with {@code __name__}) and its value. */
    public record Series(Map<String, String> labels, double value) {
        public Series {
            labels = Map.copyOf(labels);
        }
    }

    /**
     * Runs an instant query and returns the value of its first series, or empty when the result is empty.
     *
     * @throws LocalServerException when Prometheus cannot be reached or refuses the query
     */
    public OptionalDouble queryFirstValue(String promql) throws LocalServerException {
        List<Series> series = query(promql);
        return series.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(series.get(0).value());
    }

    /**
     * Runs an instant query and returns every series of its vector answer, in Prometheus' order.
     *
     * @throws LocalServerException when Prometheus cannot be reached or refuses the query
     */
    public List<Series> query(String promql) throws LocalServerException {
        URI uri = URI.create(url() + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HttpChecks.get(uri);
            if (response.statusCode() != 200) {
                throw new LocalServerException("Prometheus at " + url() + " answered "
                        + response.statusCode() + " to the query " + promql + ": " + response.body());
            }
            JsonNode result = JSON.readTree(response.body()).path("data").path("result");
            List<Series> series = new ArrayList<>();
            for (JsonNode one : result) {
                Map<String, String> labels = new LinkedHashMap<>();
                one.path("metric").fields().forEachRemaining(label -> labels.put(label.getKey(),
                        label.getValue().asText()));
                series.add(new Series(labels, Double.parseDouble(one.path("value").path(1).asText())));
            }
            return series;
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
