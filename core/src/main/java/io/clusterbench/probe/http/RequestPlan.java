package io.clusterbench.probe.http;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one request an http probe sends over and over, encoded once into the bytes written per request, with where
 * to send it and what counts as success.
 *
 * @param serviceId the service id, for messages
 * @param host the host to connect to, without IPv6 brackets
 * @param port the port to connect to
 * @param tls whether to speak TLS
 * @param method the HTTP method
 * @param target the URL without user information, as recorded in the measurement
 * @param bytes the encoded request: request line, headers and body
 * @param expectStatus the status that counts as success; empty means any 2xx
 * @param timeout the time one request may take
 * @param trust for TLS, what checks the server's certificate: the JVM's default context when empty
 */
record RequestPlan(String serviceId, String host, int port, boolean tls, String method, String target,
        byte[] bytes, OptionalInt expectStatus, Duration timeout, Optional<TlsTrust> trust) {

    private static final String USER_AGENT = "clusterbench-http-probe";

    /** Encodes the request for a URL; headers we frame ourselves (Content-Length, Transfer-Encoding) are replaced. */
    static RequestPlan of(String serviceId, URI url, String method, Map<String, String> headers, String body,
            OptionalInt expectStatus, Duration timeout) {
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        String bracketedHost = url.getHost();
        String host = bracketedHost.startsWith("[") ? bracketedHost.substring(1, bracketedHost.length() - 1)
                : bracketedHost;
        int port = url.getPort() >= 0 ? url.getPort() : (tls ? 443 : 80);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String pathAndQuery = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        String authority = bracketedHost + (url.getPort() >= 0 ? ":" + url.getPort() : "");
        String target = url.getScheme().toLowerCase(Locale.ROOT) + "://" + authority + pathAndQuery;
        byte[] bodyBytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);

        StringBuilder head = new StringBuilder(256)
                .append(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n");
        if (!hasHeader(headers, "host")) {
            head.append("Host: ").append(authority).append("\r\n");
        }
        if (!hasHeader(headers, "user-agent")) {
            head.append("User-Agent: ").append(USER_AGENT).append("\r\n");
        }
        if (!hasHeader(headers, "accept")) {
            head.append("Accept: */*\r\n");
        }
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        if (bodyBytes.length > 0 || expectsBody(method)) {
            head.append("Content-Length: ").append(bodyBytes.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(head.length() + bodyBytes.length);
        encoded.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        encoded.writeBytes(bodyBytes);
        return new RequestPlan(serviceId, host, port, tls, method, target, encoded.toByteArray(), expectStatus,
                timeout, Optional.empty());
    }

    /** The same request, its server's certificate checked against the given CAs instead of the JVM's default. */
    RequestPlan trusting(TlsTrust cas) {
        return new RequestPlan(serviceId, host, port, tls, method, target, bytes, expectStatus, timeout,
                Optional.of(cas));
    }

    /** Whether a status counts as success. */
    boolean succeeds(int status) {
        return expectStatus.isPresent() ? status == expectStatus.getAsInt() : status >= 200 && status <= 299;
    }

    /** What success means, for messages: "2xx" or the exact status. */
    String expectation() {
        return expectStatus.isPresent() ? String.valueOf(expectStatus.getAsInt()) : "2xx";
    }

    /** Whether the response to this request never has a body whatever its headers say. */
    boolean isHead() {
        return method.equals("HEAD");
    }

    /** The timeout as "5s" or "1500ms", for messages. */
    String timeoutText() {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** The host and port, for messages. */
    String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static boolean hasHeader(Map<String, String> headers, String name) {
        return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
    }

    private static boolean expectsBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }
}
