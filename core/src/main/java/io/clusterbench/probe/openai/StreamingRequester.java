package io.clusterbench.probe.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterbench.net.AnswerTooLargeException;
import io.clusterbench.net.StreamWatchdog;
import io.clusterbench.result.ErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one streamed completion and times its chunks exactly as vLLM bench's
 * {@code async_request_openai_completions} / {@code async_request_openai_chat_completions} do: the start is taken
 * just before the request is sent; every event whose JSON has a non-empty {@code choices} array is a token chunk,
 * even when its text or content is empty (a role-only first delta counts, as vLLM's "Note that text could be empty
 * here"); usage is read from the chunk that carries it (the final one, with empty {@code choices}).
 *
 * <p>Bounds, so that no server can hold a request for ever: the headers within {@code timeout}; each event within
 * {@code timeout} of the previous one (only whole events count as life, so a trickle of bytes or of comments stalls);
 * at most {@link #maxEvents(int)} events; lines and events of at most {@value SseReader#MAX_LINE_BYTES} bytes; and
 * the whole stream within {@code timeout} x (max events + 2), the longest a stream that never stalls can take.
 */
final class StreamingRequester {
    private static final long POLL_MILLIS = 100;
    /** What is read after {@code [DONE]} so that the connection can be reused; a server sending more loses it. */
    private static final int MAX_DRAIN_BYTES = 64 * 1024;
    /** The most a stream's whole deadline can be, so that the multiplication of a huge max_tokens never overflows. */
    private static final long MAX_STREAM_NANOS = TimeUnit.DAYS.toNanos(1);

    private final HttpClient client;
    private final OpenAiSettings settings;
    private final String model;
    private final Optional<String> apiKey;
    private final boolean ignoreEos;
    private final StreamWatchdog watchdog;
    private final ObjectMapper json = new ObjectMapper();
    private final URI url;

    StreamingRequester(HttpClient client, OpenAiSettings settings, String model, Optional<String> apiKey,
            boolean ignoreEos, StreamWatchdog watchdog) {
        this.client = client;
        this.settings = settings;
        this.model = model;
        this.apiKey = apiKey;
        this.ignoreEos = ignoreEos;
        this.watchdog = watchdog;
        this.url = settings.at(settings.endpoint().path());
    }

    /** Sends {@code prompt} with the settings' {@code max_tokens} and reads the whole stream. */
    RequestOutcome send(String prompt) {
        return send(prompt, settings.maxTokens());
    }

    /** Sends {@code prompt} asking for {@code maxTokens} and reads the whole stream; never throws for what the server does. */
    RequestOutcome send(String prompt, int maxTokens) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(prompt, maxTokens)));
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<InputStream>> pending =
                client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response;
        try {
            response = awaitHeaders(pending);
        } catch (ExecutionException e) {
            return beforeHeaders(start, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RequestOutcome.aborted(start);
        }
        if (response == null) {
            return RequestOutcome.aborted(start);
        }
        InputStream raw = response.body();
        StreamWatchdog.Watch watch = watchdog.watch(raw, start + streamNanos(maxTokens));
        InputStream body = watch.guard(raw);
        try {
            if (response.statusCode() != 200) {
                return httpStatus(start, response.statusCode(), ErrorBodies.read(body));
            }
            RequestOutcome outcome = new StreamTally(start, watch, maxTokens).read(new SseReader(body, () -> { }));
            // Reading to the end of the body lets the client reuse the connection, as a server expects.
            drainQuietly(body);
            return outcome;
        } catch (IOException e) {
            if (watch.aborted()) {
                return RequestOutcome.aborted(start);
            }
            if (watch.pastDeadline()) {
                return RequestOutcome.failed(start, ErrorKind.TIMEOUT, "the stream of POST " + url + " did not end"
                        + " within " + streamNanos(maxTokens) / 1_000_000 + " ms (timeout x (max events + 2)); the server"
                        + " keeps streaming");
            }
            if (watch.timedOut()) {
                return RequestOutcome.failed(start, ErrorKind.TIMEOUT, "the stream of POST " + url + " stalled: no"
                        + " event for " + settings.timeout().toMillis() + " ms; raise the probe's timeout if the"
                        + " server pauses this long");
            }
            if (e instanceof AnswerTooLargeException) {
                return RequestOutcome.failed(start, ErrorKind.PROTOCOL, "the stream of POST " + url + " sent "
                        + e.getMessage());
            }
            return RequestOutcome.failed(start, ErrorKind.PROTOCOL, "the connection of POST " + url
                    + " was dropped mid-stream (" + e.getMessage() + "); see the server's log");
        } finally {
            watch.close();
            closeQuietly(body);
        }
    }

    /** The JSON body: vLLM bench's payload for the endpoint, with {@code max_tokens} for both APIs. */
    String body(String prompt, int maxTokens) {
        ObjectNode body = json.createObjectNode().put("model", model);
        if (settings.endpoint() == OpenAiSettings.Endpoint.CHAT) {
            body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        } else {
            body.put("prompt", prompt);
        }
        // max_tokens rather than chat's newer max_completion_tokens: every vLLM version accepts it on both APIs.
        body.put("max_tokens", maxTokens);
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        if (ignoreEos) {
            body.put("ignore_eos", true);
        }
        return body.toString();
    }

    /** The most events a stream of {@code maxTokens} may carry: vLLM sends one a token and three more at most. */
    static int maxEvents(int maxTokens) {
        return (int) Math.min(Integer.MAX_VALUE, 2L * maxTokens + 64);
    }

    private long streamNanos(int maxTokens) {
        long timeout = settings.timeout().toNanos();
        long events = maxEvents(maxTokens) + 2L;
        return timeout > MAX_STREAM_NANOS / events ? MAX_STREAM_NANOS : timeout * events;
    }

    private static void drainQuietly(InputStream body) {
        try {
            byte[] buffer = new byte[8192];
            for (int drained = 0, n; drained < MAX_DRAIN_BYTES && (n = body.read(buffer)) >= 0; drained += n) {
                // Thrown away: only the connection's reuse needs these bytes read.
            }
        } catch (IOException e) {
            // The request's outcome is decided; what follows [DONE] does not change it.
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // Nothing is left to read from it.
        }
    }

    private HttpResponse<InputStream> awaitHeaders(CompletableFuture<HttpResponse<InputStream>> pending)
            throws ExecutionException, InterruptedException {
        while (true) {
            if (watchdog.stopping()) {
                pending.cancel(true);
                return null;
            }
            try {
                return pending.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillWaiting) {
                // Poll again, so that a stop is seen within POLL_MILLIS.
            }
        }
    }

    private RequestOutcome beforeHeaders(long start, Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return RequestOutcome.failed(start, ErrorKind.UNREACHABLE, "cannot connect to " + settings.base() + " ("
                    + cause.getClass().getSimpleName() + "); is the server running and the service's url right?");
        }
        if (cause instanceof HttpTimeoutException) {
            return RequestOutcome.failed(start, ErrorKind.TIMEOUT, "no response headers from POST " + url + " within "
                    + settings.timeout().toMillis() + " ms; raise the probe's timeout if the server is this slow");
        }
        return RequestOutcome.failed(start, ErrorKind.PROTOCOL, "POST " + url + " failed before the response ("
                + cause + ")");
    }

    private RequestOutcome httpStatus(long start, int status, String body) {
        ErrorKind kind = status == 401 || status == 403 ? ErrorKind.AUTH : ErrorKind.HTTP_STATUS;
        String advice = kind == ErrorKind.AUTH ? "; check the service's apiKey" : "";
        return RequestOutcome.failed(start, kind, "POST " + url + " answered HTTP " + status + ": "
                + ErrorBodies.message(body) + advice);
    }

    /** The timings of one stream as its events arrive. */
    private final class StreamTally {
        private final long start;
        private final StreamWatchdog.Watch watch;
        private final int maxTokens;
        private final int maxEvents;
        private int events;
        private long[] gaps = new long[16];
        private int gapCount;
        private long first = -1;
        private long last;
        private int promptTokens = -1;
        private int completionTokens = -1;

        StreamTally(long start, StreamWatchdog.Watch watch, int maxTokens) {
            this.start = start;
            this.watch = watch;
            this.maxTokens = maxTokens;
            this.maxEvents = maxEvents(maxTokens);
        }

        RequestOutcome read(SseReader reader) throws IOException {
            SseReader.Event event;
            while ((event = reader.next()) != null) {
                // Only a whole event is a sign of life: bytes or comments trickled forever would keep a stall alive.
                watch.touch();
                if (++events > maxEvents) {
                    return RequestOutcome.failed(start, ErrorKind.PROTOCOL, "the stream of POST " + url + " sent more"
                            + " than " + maxEvents + " events for max_tokens " + maxTokens
                            + " (2 x max_tokens + 64); is the url an OpenAI-compatible server?");
                }
                String data = event.data().strip();
                if (data.equals("[DONE]")) {
                    break;
                }
                JsonNode chunk;
                try {
                    chunk = json.readTree(data);
                } catch (JsonProcessingException e) {
                    return RequestOutcome.failed(start, ErrorKind.PROTOCOL, "the stream of POST " + url
                            + " sent an event that is not JSON; is the url an OpenAI-compatible server?");
                }
                if (chunk.path("error").isObject() || chunk.path("object").asText().equals("error")) {
                    return RequestOutcome.failed(start, ErrorKind.REMOTE,
                            "the server reported an error mid-stream on POST "
                            + url + ": " + ErrorBodies.message(data));
                }
                add(chunk, event.arrivedNanos());
            }
            if (first < 0) {
                return RequestOutcome.failed(start, ErrorKind.PROTOCOL, "the stream of POST " + url + " ended without a"
                        + " chunk with choices (vLLM bench: \"Never received a valid chunk to calculate TTFT\")");
            }
            return new RequestOutcome(RequestOutcome.Status.SUCCEEDED, start, first - start, last - start,
                    Arrays.copyOf(gaps, gapCount), promptTokens, completionTokens, null, "");
        }

        private void add(JsonNode chunk, long arrived) {
            JsonNode choices = chunk.path("choices");
            if (choices.isArray() && choices.size() > 0) {
                if (first < 0) {
                    first = arrived;
                } else {
                    if (gapCount == gaps.length) {
                        gaps = Arrays.copyOf(gaps, gapCount * 2);
                    }
                    gaps[gapCount++] = arrived - last;
                }
                last = arrived;
            }
            // The OpenAI spec puts usage on the last chunk (null elsewhere); with vLLM's continuous usage stats
            // every chunk carries the running total, so the last one seen is the request's.
            JsonNode usage = chunk.path("usage");
            if (usage.isObject()) {
                if (usage.path("prompt_tokens").canConvertToInt()) {
                    promptTokens = usage.path("prompt_tokens").asInt();
                }
                if (usage.path("completion_tokens").canConvertToInt()) {
                    completionTokens = usage.path("completion_tokens").asInt();
                }
            }
        }
    }
}
