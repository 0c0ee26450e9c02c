package io.clusterbench.tune.restart;

import io.clusterbench.net.BoundedHttp;
import io.clusterbench.result.Numbers;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * A GET of one URL, with the headers its service type sends a secret in, whose status says whether it is healthy.
 * Only the status is read, within the attempt's timeout; the body is never read, so a trickling, endless or huge
 * body cannot hold the wait or fill the memory.
 */
final class HttpHealthCheck implements HealthCheck {
    private final URI url;
    private final IntPredicate healthyStatus;
    private final String wanted;
    /** Kept only here: they may hold a secret, and are never in a message. */
    private final Map<String, String> headers;
    // Redirects are not followed: a 3xx is itself the answer for http services, and other types want exactly 200.
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpHealthCheck(URI url, IntPredicate healthyStatus, String wanted, Map<String, String> headers) {
        this.url = url;
        this.healthyStatus = healthyStatus;
        this.wanted = wanted;
        this.headers = Map.copyOf(headers);
    }

    @Override
    public Health check(Duration timeout) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
        headers.forEach(request::header);
        try {
            int status = BoundedHttp.status(client, request.build(), timeout);
            return new Health(healthyStatus.test(status), "GET " + url + " answered " + status);
        } catch (HttpConnectTimeoutException e) {
            return new Health(false, "GET " + url + ": no connection within " + Numbers.duration(timeout));
        } catch (HttpTimeoutException e) {
            return new Health(false, "GET " + url + ": no answer within " + Numbers.duration(timeout));
        } catch (ConnectException e) {
            return new Health(false, "GET " + url + ": connection refused");
        } catch (IOException e) {
            return new Health(false, "GET " + url + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    @Override
    public String describe() {
        return "GET " + url + " answers " + wanted;
    }
}
