package io.clusterbench.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalNginxBalancerTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path balancerDir;

    /** One balancer for the class, as core's test kit hands out, which this module cannot use (core depends on it). */
    private static LocalNginxBalancer balancer;

    @BeforeAll
    static void startBalancer() throws LocalServerException {
        balancer = LocalNginxBalancer.start(balancerDir);
    }

    @AfterAll
    static void stopBalancer() {
        if (balancer != null) {
            balancer.close();
        }
    }

    @Test
    void spreadsRequestsOverBothUpstreams() throws Exception {
        Set<String> answeredBy = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = get(balancer.url() + "/health");
            assertThat(response.statusCode()).isEqualTo(200);
            answeredBy.add(response.body().strip());
        }

        assertThat(answeredBy).containsExactlyInAnyOrder("upstream-a", "upstream-b");
    }

    @Test
    void eachUpstreamAnswersHealthAndRootWithItsName() throws Exception {
        List<String> names = new ArrayList<>();
        for (int port : balancer.upstreamPorts()) {
            HttpResponse<String> health = get("http://127.0.0.1:" + port + "/health");
            HttpResponse<String> root = get("http://127.0.0.1:" + port + "/");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(root.body()).isEqualTo(health.body());
            names.add(health.body().strip());
        }

        assertThat(names).containsExactly("upstream-a", "upstream-b");
        assertThat(balancer.url()).isEqualTo("http://127.0.0.1:" + balancer.port());
    }

    @Test
    void keepsServingThroughReload() throws Exception {
        long workerBefore = singleWorker(balancer);

        balancer.reload();

        assertThat(get(balancer.url() + "/health").statusCode()).isEqualTo(200);
        assertThat(balancer.isAlive()).isTrue();
        // A completed reload means the master started a new worker for the re-read configuration.
        assertThat(Files.readString(balancer.errorLog())).contains("reconfiguring");
        assertThat(awaitNewWorker(balancer, workerBefore)).isTrue();
    }

    @Test
    void reloadRefusesBrokenConfigurationAndKeepsServing() throws Exception {
        Path config = balancer.configFile();
        String good = Files.readString(config);
        Files.writeString(config, good.replace("worker_processes 1;", "worker_processes 1;\nno_such_directive on;"));
        try {
            assertThatThrownBy(balancer::reload)
                    .isInstanceOf(LocalServerException.class)
                    .hasMessageContaining("no_such_directive");
        } finally {
            Files.writeString(config, good);
        }

        assertThat(get(balancer.url() + "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void listensOnAGivenAddressInsteadOfLoopbackAndLogsEachClientsAddress(@TempDir Path dir) throws Exception {
        try (LocalNginxBalancer any = LocalNginxBalancer.start(dir, "0.0.0.0")) {
            int status = get(any.url() + "/health").statusCode();

            assertThat(any.url()).isEqualTo("http://127.0.0.1:" + any.port());
            assertThat(status).isEqualTo(200);
            assertThat(Files.readString(any.configFile())).contains("listen 0.0.0.0:" + any.port() + ";");
            assertThat(Files.readString(balancer.configFile())).contains("listen 127.0.0.1:" + balancer.port() + ";")
                    .doesNotContain("0.0.0.0");
            // nginx writes a line once the response is sent, after the client may already have read it.
            Poll.until("nginx to log the request", Duration.ofSeconds(5),
                    () -> Files.readString(any.accessLog()).contains("GET /health"));
            assertThat(Files.readString(any.accessLog())).startsWith("127.0.0.1 - - [");
        }
        assertThatThrownBy(() -> LocalNginxBalancer.start(dir.resolve("bad"), "localhost"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("an IPv4 address such as 0.0.0.0");
    }

    @Test
    void closeStopsMasterAndWorkers(@TempDir Path dir) throws Exception {
        LocalNginxBalancer own = LocalNginxBalancer.start(dir);
        ProcessHandle master = ProcessHandle.of(own.pid()).orElseThrow();
        List<ProcessHandle> workers = master.children().toList();

        own.close();

        assertThat(master.isAlive()).isFalse();
        assertThat(workers).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        assertThatThrownBy(() -> get(own.url() + "/health")).isInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void frontsGivenServersWithoutSendingThemReadinessChecks(@TempDir Path dir) throws Exception {
        AtomicInteger hits = new AtomicInteger();
        List<HttpServer> servers = List.of(namedServer("first", hits), namedServer("second", hits));
        List<InetSocketAddress> addresses = servers.stream().map(HttpServer::getAddress).toList();
        try (LocalNginxBalancer front = LocalNginxBalancer.start(dir, addresses)) {
            Set<String> answeredBy = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                answeredBy.add(get(front.url() + "/").body().strip());
            }

            assertThat(answeredBy).containsExactlyInAnyOrder("first", "second");
            assertThat(hits.get()).as("only our four requests reached the servers").isEqualTo(4);
            assertThat(front.upstreamPorts()).containsExactly(addresses.get(0).getPort(), addresses.get(1).getPort());
        } finally {
            servers.forEach(server -> server.stop(0));
        }
    }

    private static HttpServer namedServer(String name, AtomicInteger hits) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        byte[] body = name.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static long singleWorker(LocalNginxBalancer balancer) {
        return ProcessHandle.of(balancer.pid()).orElseThrow().children().findFirst().orElseThrow().pid();
    }

    /** The old worker exits gracefully after a reload; polling avoids depending on when exactly. */
    private static boolean awaitNewWorker(LocalNginxBalancer balancer, long oldWorker) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<Long> workers = ProcessHandle.of(balancer.pid()).orElseThrow().children()
                    .map(ProcessHandle::pid).toList();
            if (!workers.isEmpty() && !workers.contains(oldWorker)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
