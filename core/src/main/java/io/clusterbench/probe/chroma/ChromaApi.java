package io.clusterbench.probe.chroma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Duration;
import java.util.Optional;

/**
 * ChromaDB's HTTP API, as the probe needs it: GET and POST of JSON under the server's root, with the token sent
 * both as {@code x-chroma-token} (Chroma 1.x's scheme) and as {@code Authorization: Bearer} (the default transport
 * of the older Python server's token auth), since a client cannot tell which one a server checks. Each whole answer
 * arrives within the probe's {@code timeout} and {@value BoundedHttp#JSON_CAP_BYTES} bytes, or fails.
 */
final class ChromaApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 300;

    private final HttpClient client;
    private final String base;
    private final Optional<String> token;
    private final Duration timeout;

    /**
     * An answer, or why there was none.
     *
     * @param status the HTTP status, 0 when there was no answer
     * @param body the body
     * @param nanos from the send to the end of the body
     * @param wallMillisAtSend {@link System#currentTimeMillis()} at the send, to compare with the server's clock
     * @param errorKind {@code UNREACHABLE}, {@code TIMEOUT}, {@code PROTOCOL} or {@code STOPPED} when there was no
     *     answer, else null
     * @param errorMessage what happened and what to do, when there was no answer
     */
    record Answer(int status, String body, long nanos, long wallMillisAtSend, ErrorKind errorKind,
            String errorMessage) {
        boolean answered() {
            return status != 0;
        }

        /** The body as JSON; a missing node when it is not JSON. */
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.missingNode();
            }
        }

        /** Chroma's error message ({@code {"error": ..., "message": ...}}), else the body, shortened. */
        String message() {
            JsonNode json = json();
            String text = json.path("message").isTextual() ? json.path("message").asText()
                    : json.path("error").isTextual() ? json.path("error").asText() : body.strip();
            text = text.replaceAll("\\s+", " ");
            if (text.isEmpty()) {
                return "an empty body";
            }
            return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
        }
    }

    ChromaApi(URI url, Optional<String> token, Duration timeout) {
        String text = url.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        this.base = text;
        this.token = token;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** The server's root URL. */
    String base() {
        return base;
    }

    Answer get(String path) {
        return send(path, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer post(String path, JsonNode body) {
        return send(path, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private Answer send(String path, HttpRequest.Builder request) {
        request.timeout(timeout);
        token.ifPresent(value -> request.header("x-chroma-token", value).header("Authorization", "Bearer " + value));
        long wall = System.currentTimeMillis();
        try {
            BoundedHttp.Answer answer = BoundedHttp.exchange(client, request.build(), timeout,
                    BoundedHttp.JSON_CAP_BYTES, () -> false).orElseThrow();
            return new Answer(answer.status(), answer.body(), answer.nanos(), wall, null, "");
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return new Answer(0, "", 0, wall, ErrorKind.UNREACHABLE, "cannot connect to " + base + " ("
                    + e.getClass().getSimpleName() + "); is Chroma running and the service's url right?");
        } catch (HttpTimeoutException e) {
            return new Answer(0, "", 0, wall, ErrorKind.TIMEOUT, base + path + " gave no whole answer within "
                    + timeout.toMillis() + " ms (" + e.getMessage() + "); raise the probe's timeout if the server is"
                    + " this slow");
        } catch (AnswerTooLargeException e) {
            return new Answer(0, "", 0, wall, ErrorKind.PROTOCOL, base + path + ": " + e.getMessage());
        } catch (IOException e) {
            return new Answer(0, "", 0, wall, ErrorKind.PROTOCOL, base + path + " failed (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", 0, wall, ErrorKind.STOPPED, base + path + " was interrupted");
        }
    }
}
