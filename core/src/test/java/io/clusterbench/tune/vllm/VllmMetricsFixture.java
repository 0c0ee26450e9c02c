package io.clusterbench.tune.vllm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A protocol fixture of vLLM's {@code /metrics} (vLLM itself needs a GPU and model weights), written to the format in
 * /work/shared/reference/domain-facts.md §1.4: Prometheus text as prometheus_client serves it, series labelled
 * {@code model_name} and {@code engine}, and the info-style gauge {@code vllm:cache_config_info} of value 1.0 whose
 * labels carry the cache configuration the server started with. It records every request's method, path and
 * Authorization header.
 */
final class VllmMetricsFixture implements AutoCloseable {

    /** One request as received. */
    record Request(String method, String path, Optional<String> authorization) {
    }

    private final HttpServer server;
    private final String metrics;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private VllmMetricsFixture(String metrics) throws IOException {
        this.metrics = metrics;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** A server that started with {@code --gpu-memory-utilization} {@code value} (as Python's str(float) writes it). */
    static VllmMetricsFixture startedWith(String value) throws IOException {
        return new VllmMetricsFixture(metrics(Optional.of(value)));
    }

    /** A server whose /metrics has vLLM's other series but no {@code vllm:cache_config_info}. */
    static VllmMetricsFixture withoutCacheConfigInfo() throws IOException {
        return new VllmMetricsFixture(metrics(Optional.empty()));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))));
            exchange.getRequestBody().readAllBytes();
            boolean get = exchange.getRequestMethod().equals("GET");
            String path = exchange.getRequestURI().getPath();
            if (get && path.equals("/metrics")) {
                send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics);
            } else if (get && path.equals("/health")) {
                send(exchange, 200, "application/json", "");
            } else {
                send(exchange, 404, "application/json", "{\"detail\":\"Not Found\"}");
            }
        }
    }

    private static String metrics(Optional<String> gpuMemoryUtilization) {
        String labels = "engine=\"0\",model_name=\"test-model\"";
        StringBuilder text = new StringBuilder(String.join("\n",
                "# HELP vllm:num_requests_running Number of requests in model execution batches.",
                "# TYPE vllm:num_requests_running gauge",
                "vllm:num_requests_running{" + labels + "} 0.0",
                "# HELP vllm:kv_cache_usage_perc KV-cache usage. 1 means 100 percent usage.",
                "# TYPE vllm:kv_cache_usage_perc gauge",
                "vllm:kv_cache_usage_perc{" + labels + "} 0.42",
                ""));
        gpuMemoryUtilization.ifPresent(value -> text.append(String.join("\n",
                "# HELP vllm:cache_config_info Information of the LLMEngine CacheConfig",
                "# TYPE vllm:cache_config_info gauge",
                "vllm:cache_config_info{block_size=\"16\",cache_dtype=\"auto\",enable_prefix_caching=\"True\","
                        + "engine=\"0\",gpu_memory_utilization=\"" + value + "\",num_cpu_blocks=\"0\","
                        + "num_gpu_blocks=\"27648\"} 1.0",
                "")));
        text.append(String.join("\n",
                "# HELP vllm:num_preemptions_total Cumulative number of preemption from the engine.",
                "# TYPE vllm:num_preemptions_total counter",
                "vllm:num_preemptions_total{" + labels + "} 0.0",
                ""));
        return text.toString();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
