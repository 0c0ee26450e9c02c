package io.clusterbench.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP GETs used to tell whether a local server answers, and the POSTs that steer one. */
final class HttpChecks {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    // HTTP/1.1 only: an h2c upgrade attempt is pointless against these servers and only adds a round trip.
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    private HttpChecks() {
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static boolean answers200(URI uri) throws IOException, InterruptedException {
        return get(uri).statusCode() == 200;
    }
}
