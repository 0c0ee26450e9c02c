package io.clusterbench.tune.restart;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.ServiceSpec;
import java.net.URI;
import java.util.Optional;

/**
 * The health check of each service type: redis PING answers PONG; http GET of the url answers 2xx or 3xx; openai
 * {@code GET /health} answers 200; chroma {@code GET /api/v2/heartbeat} answers 200; prometheus
 * {@code GET /-/ready} answers 200.
 */
final class HealthChecks {

    private HealthChecks() {
    }

    /** The check for a service; its secret is read now, at use, and kept only inside the check. */
    static HealthCheck of(ClusterSpec cluster, ServiceSpec service, SecretResolver secrets)
            throws ClusterBenchException {
        Optional<String> secret = service.secret().isPresent()
                ? Optional.of(secrets.resolve(service.secret().get())) : Optional.empty();
        return switch (service.type()) {
            case REDIS -> new RedisHealthCheck(
                    service.address().orElseGet(() -> cluster.hosts().get(service.host().orElseThrow()).address()),
                    service.port().orElse(6379), service.user(), secret);
            case HTTP -> new HttpHealthCheck(url(service), status -> status >= 200 && status < 400, "2xx or 3xx",
                    Optional.empty());
            case OPENAI -> new HttpHealthCheck(URI.create(root(service, true) + "/health"), status -> status == 200,
                    "200", secret);
            case CHROMA -> new HttpHealthCheck(URI.create(root(service, false) + "/api/v2/heartbeat"),
                    status -> status == 200, "200", secret);
            case PROMETHEUS -> new HttpHealthCheck(URI.create(root(service, false) + "/-/ready"),
                    status -> status == 200, "200", secret);
        };
    }

    private static URI url(ServiceSpec service) {
        return service.url().orElseThrow(() -> new IllegalStateException(
                "a " + service.type().word() + " service without url passed the spec checks"));
    }

    /** The server's root; an OpenAI-compatible url is often written with {@code /v1}, but /health is not under it. */
    private static String root(ServiceSpec service, boolean dropV1) {
        String text = url(service).toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        if (dropV1 && text.endsWith("/v1")) {
            text = text.substring(0, text.length() - 3);
        }
        return text;
    }
}
