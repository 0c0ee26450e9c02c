package io.clusterbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.clusterbench.control.BenchmarkListener;
import io.clusterbench.control.BenchmarkOptions;
import io.clusterbench.control.StopSignal;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.result.History;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SpecLoader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers that echo the credentials they were sent in an error body (an openai-compatible server, Prometheus and
 * Chroma behind a proxy that does so): no key reaches result.json or a report.
 */
class SecretEchoTest {
    private static final String LLM_KEY = "sk-test-planted-llm-key-4711";
    private static final String PROM_TOKEN = "planted-prom-token-0815";
    private static final String CHROMA_TOKEN = "planted-chroma-token-1234";

    @Test
    void credentialsEchoedInErrorBodiesAreScrubbedFromEveryFile(@TempDir Path dir) throws Exception {
        HttpServer echo = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        echo.createContext("/", exchange -> {
            String headers = String.valueOf(exchange.getRequestHeaders());
            byte[] body = ("{\"error\": \"unauthorized, you sent " + headers + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        echo.start();
        try {
            Files.writeString(dir.resolve("llm.key"), LLM_KEY);
            Files.writeString(dir.resolve("prom.token"), PROM_TOKEN);
            Files.writeString(dir.resolve("chroma.token"), CHROMA_TOKEN);
            int port = echo.getAddress().getPort();
            Path specFile = Files.writeString(dir.resolve("cluster.yaml"), """
                    cluster: echo
                    services:
                      llm: { type: openai, url: "http://127.0.0.1:%1$d", model: m, apiKey: "${file:llm.key}" }
                      metrics: { type: prometheus, url: "http://127.0.0.1:%1$d", token: "${file:prom.token}" }
                      vectors: { type: chroma, url: "http://127.0.0.1:%1$d", token: "${file:chroma.token}", collection: c }
                    probes:
                      gen: { service: llm, requests: 2, warmupRequests: 0 }
                      q: { service: metrics, query: "up" }
                      v: { service: vectors, queries: 2, warmup: 0s }
                    """.formatted(port));
            LoadedSpec spec = SpecLoader.load(specFile);
            Path out = dir.resolve("out");

            ClusterBench.standard().benchmarkAndWrite(spec, specFile.toString(), BenchmarkOptions.into(out),
                    History.empty(), BenchmarkListener.SILENT, new StopSignal());

            String all;
            try (Stream<Path> files = Files.walk(out)) {
                StringBuilder text = new StringBuilder();
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    text.append(Files.readString(f, StandardCharsets.ISO_8859_1));
                }
                all = text.toString();
            }
            assertThat(all).as("the servers' answers were recorded").contains("401");
            assertThat(all).doesNotContain(LLM_KEY).doesNotContain(PROM_TOKEN).doesNotContain(CHROMA_TOKEN);
        } finally {
            echo.stop(0);
        }
    }
}
