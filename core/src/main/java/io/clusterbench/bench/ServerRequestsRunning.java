package io.clusterbench.bench;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.metrics.PrometheusText;
import io.clusterbench.net.BoundedHttp;
import io.clusterbench.result.Numbers;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.ServiceSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How many requests an OpenAI-compatible server (vLLM) is running, from {@code vllm:num_requests_running} on its
 * {@code /metrics}. Before the run's own round nothing of the run is in flight, so any running request is someone
 * else's; the gauge is read at the moment of the scrape, with no averaging that could still hold the run's own load.
 */
final class ServerRequestsRunning {
    /** Requests running above which a server is not quiet: before the round the run itself has none in flight. */
    static final double LIMIT = 0;
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String RUNNING = "vllm:num_requests_running";

    private ServerRequestsRunning() {
    }

    /** The server's root as a target: the service's url without a trailing {@code /} or {@code /v1}. */
    static String target(ServiceSpec service) {
        String text = service.url().orElseThrow(() -> new IllegalStateException("openai service without url"))
                .toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        // Clients are often given http://host:8000/v1; /metrics sits beside /v1, at the root.
        return text.endsWith("/v1") ? text.substring(0, text.length() - 3) : text;
    }

    /**
     * The finding when the server runs requests; empty when it runs none, does not answer, or has no such gauge
     * (a server other than vLLM).
     */
    static Optional<QuietFinding> check(ServiceSpec service, SecretResolver secrets, HttpClient client) {
        String target = target(service);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + "/metrics")).timeout(TIMEOUT).GET();
        try {
            // vLLM leaves /metrics open even with --api-key; the key is sent for servers behind a proxy that checks it.
            if (service.secret().isPresent()) {
                request.header("Authorization", "Bearer " + secrets.resolve(service.secret().get()));
            }
            // The whole page within the timeout and the cap: a trickling or endless page cannot hold the round.
            Optional<BoundedHttp.Answer> answer = BoundedHttp.exchange(client, request.build(), TIMEOUT,
                    BoundedHttp.JSON_CAP_BYTES, () -> false);
            if (answer.isEmpty() || answer.get().status() != 200) {
                return Optional.empty();
            }
            BoundedHttp.Answer response = answer.get();
            OptionalDouble running = running(response.body());
            if (running.isEmpty() || running.getAsDouble() <= LIMIT) {
                return Optional.empty();
            }
            return Optional.of(new QuietFinding(target, "num_requests_running", running.getAsDouble(), LIMIT,
                    target + " was running " + Numbers.format(running.getAsDouble()) + " requests of other clients"
                            + " just before the round (" + RUNNING + "; limit " + Numbers.format(LIMIT) + ")"));
        } catch (ClusterBenchException | IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * The requests running, summed over every series of the gauge: over engines, and over models too, because a
     * request of any model served by this server takes the same GPU.
     */
    static OptionalDouble running(String metricsText) {
        double sum = Double.NaN;
        for (PrometheusText.Sample sample : PrometheusText.parse(metricsText)) {
            if (sample.name().equals(RUNNING) && Double.isFinite(sample.value())) {
                sum = Double.isNaN(sum) ? sample.value() : sum + sample.value();
            }
        }
        return Double.isNaN(sum) ? OptionalDouble.empty() : OptionalDouble.of(sum);
    }
}
