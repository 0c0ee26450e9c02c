package io.clusterbench.tune.vllm;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.net.AnswerTooLargeException;
import io.clusterbench.net.BoundedHttp;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * One GET of a server's {@code /metrics}, with the API key as a Bearer token; the only request this check sends. The
 * whole page must arrive within {@link #TIMEOUT} and {@link BoundedHttp#JSON_CAP_BYTES}: a vLLM page is some 100 KB.
 */
final class MetricsPage {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private MetricsPage() {
    }

    /**
     * The page's text, whole within {@link #TIMEOUT}.
     *
     * @param where the service, for messages: {@code openai service 'llm'}
     */
    static String get(URI url, Optional<String> apiKey, String where) throws ClusterBenchException {
        return get(url, apiKey, where, TIMEOUT);
    }

    /** The page's text, whole within {@code timeout}. */
    static String get(URI url, Optional<String> apiKey, String where, Duration timeout) throws ClusterBenchException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        BoundedHttp.Answer response;
        try {
            response = BoundedHttp.exchange(client, request.build(), timeout, BoundedHttp.JSON_CAP_BYTES, () -> false)
                    .orElseThrow();
        } catch (ConnectException e) {
            throw new ClusterBenchException(Kind.CONNECTION, "cannot GET " + url + " of " + where
                    + ": connection refused; check that the server runs and the service's url", e);
        } catch (HttpTimeoutException e) {
            throw new ClusterBenchException(Kind.CONNECTION, "GET " + url + " of " + where + " gave no whole answer"
                    + " within " + timeout.toMillis() + " ms (" + e.getMessage() + "); check that the server is not"
                    + " stuck", e);
        } catch (AnswerTooLargeException e) {
            throw new ClusterBenchException(Kind.REMOTE, "GET " + url + " of " + where + " failed: " + e.getMessage()
                    + "; is the service's url a vLLM server?", e);
        } catch (IOException e) {
            throw new ClusterBenchException(Kind.CONNECTION, "GET " + url + " of " + where + " failed ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); check that the server runs and the service's url", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterBenchException(Kind.ENVIRONMENT, "interrupted during GET " + url + " of " + where, e);
        }
        int status = response.status();
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
