package io.clusterbench.tune.restart;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.ServiceSpec;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The health check of each service type: redis PING answers PONG; http GET of the url answers 2xx or 3xx; openai
 * {@code GET /health} answers 200; chroma {@code GET /api/v2/heartbeat} answers 200; prometheus
 * {@code GET /-/ready} answers 200. A secret goes as {@code Authorization: Bearer}, for chroma also as
 * {@code x-chroma-token}.
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
                    Map.of());
            case OPENAI -> new HttpHealthCheck(URI.create(root(service, true) + "/health"), status -> status == 200,
                    "200", bearer(secret));
            case CHROMA -> new HttpHealthCheck(URI.create(root(service, false) + "/api/v2/heartbeat"),
                    status -> status == 200, "200", chromaToken(secret));
            case PROMETHEUS -> new HttpHealthCheck(URI.create(root(service, false) + "/-/ready"),
                    status -> status == 200, "200", bearer(secret));
        };
    }

    /** The secret, if any, as {@code Authorization: Bearer}, as vLLM's {@code --api-key} and most proxies check it. */
    private static Map<String, String> bearer(Optional<String> secret) {
        return secret.map(value -> Map.of("Authorization", "Bearer " + value)).orElse(Map.of());
    }

    /**
     * The token, if any, as both {@code x-chroma-token} (Chroma 1.x's scheme) and {@code Authorization: Bearer} (the
     * default of the older Python server's token auth): a client cannot tell which one a server, or the proxy in
     * front of it, checks, so the chroma probe sends both, and so must its wait. The wait sent only the Bearer one, so
     * a server checking {@code x-chroma-token} answered it 401 while the probe of the same service passed.
     */
    private static Map<String, String> chromaToken(Optional<String> secret) {
        return secret.map(value -> Map.of("x-chroma-token", value, "Authorization", "Bearer " + value))
                .orElse(Map.of());
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
