package io.clusterbench.probe.openai;

import io.clusterbench.net.AnswerTooLargeException;
import io.clusterbench.net.BoundedHttp;
import io.clusterbench.result.ErrorKind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.util.Optional;

/**
 * The server's small GET endpoints ({@code /health}, {@code /v1/models}, {@code /metrics}), with the API key; each
 * whole answer within the probe's {@code timeout} and {@value BoundedHttp#JSON_CAP_BYTES} bytes.
 */
final class ServerApi {
    private final HttpClient client;
    private final OpenAiSettings settings;
    private final Optional<String> apiKey;

    ServerApi(HttpClient client, OpenAiSettings settings, Optional<String> apiKey) {
        this.client = client;
        this.settings = settings;
        this.apiKey = apiKey;
    }

    /**
     * An answer, or why there was none.
     *
     * @param status the HTTP status, or 0 when there was no answer
     * @param body the body as text
     * @param nanos from the send to the end of the body
     * @param errorKind {@code UNREACHABLE}, {@code TIMEOUT}, {@code PROTOCOL} or {@code STOPPED} when there was no
     *     answer, else null
     * @param errorMessage what happened and what to do, when there was no answer
     */
    record Answer(int status, String body, long nanos, ErrorKind errorKind, String errorMessage) {
        boolean answered() {
            return status != 0;
        }
    }

    /** GETs {@code path} under the server's root; never throws for what the network or server does. */
    Answer get(String path) {
        URI url = settings.at(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(settings.timeout()).GET();
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        try {
            BoundedHttp.Answer answer = BoundedHttp.exchange(client, request.build(), settings.timeout(),
                    BoundedHttp.JSON_CAP_BYTES, () -> false).orElseThrow();
            return new Answer(answer.status(), answer.body(), answer.nanos(), null, "");
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return new Answer(0, "", 0, ErrorKind.UNREACHABLE, "cannot connect to " + settings.base() + " ("
                    + e.getClass().getSimpleName() + "); is the server running and the service's url right?");
        } catch (HttpTimeoutException e) {
            return new Answer(0, "", 0, ErrorKind.TIMEOUT, "GET " + url + " gave no whole answer within "
                    + settings.timeout().toMillis() + " ms (" + e.getMessage() + "); raise the probe's timeout if"
                    + " the server is this slow");
        } catch (AnswerTooLargeException e) {
            return new Answer(0, "", 0, ErrorKind.PROTOCOL, "GET " + url + ": " + e.getMessage());
        } catch (IOException e) {
            return new Answer(0, "", 0, ErrorKind.PROTOCOL, "GET " + url + " failed (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", 0, ErrorKind.STOPPED, "GET " + url + " was interrupted");
        }
    }

    /** The full URL of a path, for messages. */
    URI url(String path) {
        return settings.at(path);
    }
}
