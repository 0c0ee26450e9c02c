package io.clusterbench.tune.vllm;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** One GET of a server's {@code /metrics}, with the API key as a Bearer token; the only request this check sends. */
final class MetricsPage {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private MetricsPage() {
    }

    /**
     * The page's text.
     *
     * @param where the service, for messages: {@code openai service 'llm'}
     */
    static String get(URI url, Optional<String> apiKey, String where) throws ClusterBenchException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET();
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new ClusterBenchException(Kind.CONNECTION, "cannot GET " + url + " of " + where
                    + ": connection refused; check that the server runs and the service's url", e);
        } catch (HttpTimeoutException e) {
            throw new ClusterBenchException(Kind.CONNECTION, "GET " + url + " of " + where + " gave no answer within "
                    + TIMEOUT.toSeconds() + " s; check that the server is not stuck", e);
        } catch (IOException e) {
            throw new ClusterBenchException(Kind.CONNECTION, "GET " + url + " of " + where + " failed ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); check that the server runs and the service's url", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterBenchException(Kind.ENVIRONMENT, "interrupted during GET " + url + " of " + where, e);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new ClusterBenchException(Kind.CONNECTION, "GET " + url + " of " + where + " answered " + status
                    + ": the server refused the API key; check the service's apiKey");
        }
        if (status != 200) {
            throw new ClusterBenchException(Kind.REMOTE, "GET " + url + " of " + where + " answered " + status
                    + ", not 200: is the service's url a vLLM server?");
        }
        return response.body();
    }
}
