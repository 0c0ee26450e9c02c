package io.clusterbench.probe.promql;

import io.clusterbench.control.StopSignal;
import io.clusterbench.result.ErrorKind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends instant queries to one Prometheus ({@code GET /api/v1/query}) and times them. */
final class PrometheusApi {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(30);

    /** How often a waiting query looks at the stop signal. */
    private static final long STOP_POLL_MILLIS = 100;

    // HTTP/1.1 only: Prometheus speaks it everywhere and an h2c upgrade attempt only adds a round trip.
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String base;
    private final String where;
    private final Optional<String> token;

    /**
     * @param base the service URL without credentials, such as {@code http://10.0.0.69:9090}
     * @param where how messages name this Prometheus, such as {@code Prometheus of service 'metrics' at ...}
     * @param token a bearer token, never printed
     */
    PrometheusApi(String base, String where, Optional<String> token) {
        this.base = base.replaceAll("/+$", "");
        this.where = where;
        this.token = token;
    }

    /**
     * What Prometheus answered to one instant query, and how long the whole exchange took.
     *
     * @param status the HTTP status
     * @param body the response body
     * @param micros from sending the request to having read the whole body
     */
    record Answer(int status, String body, long micros) {
    }

    /** Runs one instant query; empty when the run was stopped while it waited. */
    Optional<Answer> query(String expression, StopSignal stop) throws QueryFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(queryUri(expression))
                .timeout(QUERY_TIMEOUT)
                .header("Accept", "application/json")
                .GET();
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> pending =
                CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
        try {
            while (true) {
                try {
                    HttpResponse<String> response = pending.get(STOP_POLL_MILLIS, TimeUnit.MILLISECONDS);
                    long micros = (System.nanoTime() - start) / 1000;
                    return Optional.of(new Answer(response.statusCode(), response.body(), micros));
                } catch (TimeoutException stillRunning) {
                    if (stop.raised()) {
                        pending.cancel(true);
                        return Optional.empty();
                    }
                }
            }
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    private URI queryUri(String expression) {
        return URI.create(base + "/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8));
    }

    private QueryFailure failure(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return QueryFailure.fatal(ErrorKind.TIMEOUT, "cannot reach " + where + ": no connection within "
                    + CONNECT_TIMEOUT.toSeconds() + " s: check the url, that Prometheus runs there and that no"
                    + " firewall drops the traffic");
        }
        if (cause instanceof HttpTimeoutException) {
            return QueryFailure.of(ErrorKind.TIMEOUT, where + " did not answer within " + QUERY_TIMEOUT.toSeconds()
                    + " s: simplify the query or check the load on Prometheus");
        }
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof NoRouteToHostException
                    || c instanceof UnknownHostException || c instanceof UnresolvedAddressException) {
                return QueryFailure.fatal(ErrorKind.UNREACHABLE, "cannot reach " + where + " (" + describe(c)
                        + "): check the service's url and that Prometheus runs and listens there");
            }
        }
        if (cause instanceof IOException) {
            return QueryFailure.of(ErrorKind.PROTOCOL, where + " broke off the exchange (" + describe(cause)
                    + "): check that the url points at Prometheus and not at another server");
        }
        return QueryFailure.of(ErrorKind.PROTOCOL, where + ": the query failed: " + describe(cause));
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
