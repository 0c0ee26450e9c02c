package io.clusterbench.probe.promql;

import io.clusterbench.control.StopSignal;
import io.clusterbench.net.AnswerTooLargeException;
import io.clusterbench.net.BoundedHttp;
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
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends instant queries to one Prometheus ({@code GET /api/v1/query}) and times them; each whole answer arrives within
 * the query timeout ({@value #QUERY_TIMEOUT_SECONDS} s) and {@value BoundedHttp#JSON_CAP_BYTES} bytes, or fails.
 */
final class PrometheusApi {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final int QUERY_TIMEOUT_SECONDS = 30;
    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(QUERY_TIMEOUT_SECONDS);

    // HTTP/1.1 only: Prometheus speaks it everywhere and an h2c upgrade attempt only adds a round trip.
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String base;
    private final String where;
    private final Optional<String> token;
    private final Duration queryTimeout;

    /**
     * @param base the service URL without credentials, such as {@code http://10.0.0.69:9090}
     * @param where how messages name this Prometheus, such as {@code Prometheus of service 'metrics' at ...}
     * @param token a bearer token, never printed
     * @param queryTimeout the longest one query's whole exchange may take
     */
    PrometheusApi(String base, String where, Optional<String> token, Duration queryTimeout) {
        this.base = base.replaceAll("/+$", "");
        this.where = where;
        this.token = token;
        this.queryTimeout = queryTimeout;
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
                .timeout(queryTimeout)
                .header("Accept", "application/json")
                .GET();
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        try {
            return BoundedHttp.exchange(CLIENT, request.build(), queryTimeout, BoundedHttp.JSON_CAP_BYTES, stop::raised)
                    .map(answer -> new Answer(answer.status(), answer.body(), answer.nanos() / 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (AnswerTooLargeException e) {
            throw QueryFailure.of(ErrorKind.PROTOCOL, where + ": " + e.getMessage()
                    + "; narrow the query so that it selects fewer series");
        } catch (IOException e) {
            throw failure(e);
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
            return QueryFailure.of(ErrorKind.TIMEOUT, where + " gave no whole answer within "
                    + queryTimeout.toMillis() / 1000.0 + " s (" + describe(cause)
                    + "): simplify the query or check the load on Prometheus");
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
