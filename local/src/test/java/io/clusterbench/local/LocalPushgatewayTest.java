package io.clusterbench.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPushgatewayTest {

    @TempDir
    static Path serversDir;

    @TempDir
    Path emptyFolder;

    private static LocalPushgateway pushgateway;
    private static LocalNodeExporter nodeExporter;
    private static LocalPrometheus prometheus;

    @BeforeAll
    static void startServers() throws LocalServerException {
        pushgateway = LocalPushgateway.start(serversDir.resolve("pushgateway"));
        nodeExporter = LocalNodeExporter.start(serversDir.resolve("node-exporter"));
        prometheus = LocalPrometheus.start(serversDir.resolve("prometheus"), nodeExporter);
    }

    @AfterAll
    static void stopServers() {
        // Prometheus first, so it never scrapes a stopped target.
        for (LocalServer server : new LocalServer[] {prometheus, nodeExporter, pushgateway}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void keepsWhatIsPushedAndServesItOnItsMetricsPage() throws Exception {
        HttpResponse<String> push = send(HttpRequest.newBuilder(
                URI.create(pushgateway.url() + "/metrics/job/local-test/instance/served"))
                .PUT(HttpRequest.BodyPublishers.ofString("local_test_value 42\n")).build());
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(pushgateway.url() + "/metrics")).build());

        assertThat(push.statusCode()).isBetween(200, 299);
        assertThat(page.body()).contains("local_test_value{instance=\"served\",job=\"local-test\"} 42");
    }

    @Test
    void listensOnLoopbackOnlyAndKeepsNothingOnDisk() {
        assertThat(pushgateway.host()).isEqualTo("127.0.0.1");
        assertThat(pushgateway.target()).isEqualTo("127.0.0.1:" + pushgateway.port());
        assertThat(pushgateway.isAlive()).isTrue();
        assertThat(serversDir.resolve("pushgateway").toFile().list())
                .as("no persistence file, only the process's log").containsExactly("pushgateway.out.log");
    }

    @Test
    void prometheusScrapesThePushgatewayWithItsPushedLabelsOnceAsked() throws Exception {
        send(HttpRequest.newBuilder(URI.create(pushgateway.url() + "/metrics/job/scraped-job"))
                .PUT(HttpRequest.BodyPublishers.ofString("local_test_scraped 7\n")).build());

        prometheus.scrape(pushgateway);
        prometheus.awaitTarget(LocalPrometheus.PUSHGATEWAY_JOB, Duration.ofSeconds(30));

        // honor_labels: the pushed job label stays job, not exported_job.
        List<LocalPrometheus.Series> series = prometheus.query("local_test_scraped");
        assertThat(series).hasSize(1);
        assertThat(series.get(0).labels()).containsEntry("job", "scraped-job").doesNotContainKey("exported_job");
        assertThat(series.get(0).value()).isEqualTo(7.0);
    }

    @Test
    void missingBinaryFailsWithTheInstallCommand() {
        assertThatThrownBy(() -> LocalPushgateway.start(emptyFolder.resolve("gw"), Binaries.in(List.of(emptyFolder))))
                .isInstanceOf(LocalServerException.class)
                .hasMessageContaining("prometheus-pushgateway not found")
                .hasMessageContaining("apt-get install -y prometheus-pushgateway");
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
