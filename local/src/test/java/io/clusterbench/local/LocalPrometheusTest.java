package io.clusterbench.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPrometheusTest {

    @TempDir
    static Path serversDir;

    /** One exporter and one Prometheus for the class, as core's test kit hands out (this module cannot use it). */
    private static LocalNodeExporter nodeExporter;
    private static LocalPrometheus prometheus;

    @BeforeAll
    static void startServers() throws LocalServerException {
        nodeExporter = LocalNodeExporter.start(serversDir.resolve("node-exporter"));
        prometheus = LocalPrometheus.start(serversDir.resolve("prometheus"), nodeExporter);
    }

    @AfterAll
    static void stopServers() {
        // Prometheus first, so it never scrapes a stopped target.
        if (prometheus != null) {
            prometheus.close();
        }
        if (nodeExporter != null) {
            nodeExporter.close();
        }
    }

    @Test
    void scrapesNodeExporterUntilNodeMetricsAreQueryable() throws LocalServerException {
        prometheus.awaitTarget(LocalPrometheus.NODE_JOB, Duration.ofSeconds(30));

        assertThat(prometheus.queryFirstValue("up{job=\"node\"}")).hasValue(1.0);
        OptionalDouble memory = prometheus.queryFirstValue("node_memory_MemTotal_bytes");
        assertThat(memory).isPresent();
        assertThat(memory.getAsDouble()).isGreaterThan(0);
    }

    @Test
    void scrapesTheNodeExporterGivenToTheTest() throws Exception {
        assertThat(prometheus.nodeExporter()).isSameAs(nodeExporter);
        assertThat(Files.readString(prometheus.configFile()))
                .contains("job_name: node")
                .contains("'127.0.0.1:" + nodeExporter.port() + "'")
                .contains("scrape_interval: 1s");
    }

    @Test
    void nodeExporterServesMemoryMetrics() throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(nodeExporter.url() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("node_memory_MemTotal_bytes ");
    }

    @Test
    void awaitTargetFailsForJobThatIsNeverScraped() {
        assertThatThrownBy(() -> prometheus.awaitTarget("no-such-job", Duration.ofMillis(300)))
                .isInstanceOf(LocalServerException.class)
                .hasMessageContaining("up{job=\"no-such-job\"} == 1")
                .hasMessageContaining(prometheus.url());
    }

    @Test
    void emptyQueryResultIsEmptyNotZero() throws LocalServerException {
        assertThat(prometheus.queryFirstValue("no_such_metric_anywhere")).isEmpty();
    }

    @Test
    void refusedQuerySaysWhatWasAsked() {
        assertThatThrownBy(() -> prometheus.queryFirstValue("sum(("))
                .isInstanceOf(LocalServerException.class)
                .hasMessageContaining("sum((")
                .hasMessageContaining("400");
    }
}
