package io.clusterbench.control;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a run's metrics are pushed: a Pushgateway's base URL, such as {@code http://pushgateway:9091}, and the
 * credentials that came in its user part ({@code https://user:password@host:9091}), kept apart from it.
 *
 * <p>The credentials never reach a message, a log or {@link #toString()}: the URL shown is {@link #shown()}, with
 * {@code ***} for the user part, and the request's URI carries none (they travel as an {@code Authorization}
 * header, which the JDK's client never prints).
 */
public final class PushTarget {
    private final URI base;
    private final String user;
    private final String password;

    private PushTarget(URI base, String user, String password) {
        this.base = base;
        this.user = user;
        this.password = password;
    }

    /**
     * Reads a Pushgateway URL: {@code http} or {@code https}, a host, an optional port and path prefix (for a
     * Pushgateway behind {@code --web.route-prefix}), optional credentials; no query or fragment, and not a push path
     * ({@code /metrics/job/...}): the grouping key is the export's to choose.
     *
     * @param option how the user gave it, {@code --push} or {@code pushGateway}, for messages
     * @throws ClusterBenchException of kind {@link Kind#USAGE}, saying what is wrong without quoting the URL (it may
     *     hold a password)
     */
    public static PushTarget parse(String url, String option) throws ClusterBenchException {
        if (url == null || url.isBlank()) {
            throw usage(option, "is empty; give the Pushgateway's URL, such as http://pushgateway:9091");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            // getReason, not getMessage: the message quotes the input, which may hold a password.
            throw usage(option, "is not a URL (" + e.getReason() + " at index " + e.getIndex()
                    + "); give the Pushgateway's URL, such as http://pushgateway:9091");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw usage(option, "must be an http:// or https:// URL, such as http://pushgateway:9091");
        }
        if (uri.getHost() == null) {
            throw usage(option, "has no host name; give the Pushgateway's URL, such as http://pushgateway:9091");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw usage(option, "must not have a query (?...) or fragment (#...); give the Pushgateway's base URL");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        if (path.contains("/metrics/job/")) {
            throw usage(option, "names a push path (/metrics/job/...); give the Pushgateway's base URL, such as"
                    + " http://pushgateway:9091: Cluster Bench adds the grouping key itself (docs/results.md)");
        }
        String user = null;
        String password = null;
        if (uri.getUserInfo() != null) {
            String info = uri.getUserInfo();
            int colon = info.indexOf(':');
            user = colon < 0 ? info : info.substring(0, colon);
            password = colon < 0 ? "" : info.substring(colon + 1);
        }
        URI base = URI.create(scheme + "://" + hostPort(uri) + path);
        return new PushTarget(base, user, password);
    }

    private static String hostPort(URI uri) {
        String host = uri.getHost();
        return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    }

    private static ClusterBenchException usage(String option, String problem) {
        return new ClusterBenchException(Kind.USAGE, option + " " + problem);
    }

    /** The base URL without credentials. */
    public URI base() {
        return base;
    }

    /** The URL as messages show it: the base, with {@code ***@} where credentials were given. */
    public String shown() {
        return user == null ? base.toString()
                : base.getScheme() + "://***@" + base.getRawAuthority() + base.getRawPath();
    }

    /** The password given in the URL, so that callers can scrub it from what a server answers; empty without. */
    public Optional<String> password() {
        return Optional.ofNullable(password).filter(p -> !p.isEmpty());
    }

    /**
     * The {@code Authorization} header's value for HTTP basic authentication, when credentials were given: for the
     * request only, never for a message.
     */
    public Optional<String> authorization() {
        if (user == null) {
            return Optional.empty();
        }
        String pair = user + ":" + password;
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@link #shown()}: a target printed by mistake still shows no password. */
    @Override
    public String toString() {
        return shown();
    }
}
