package io.clusterbench.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Serves a folder on loopback the way Jenkins serves archived artifacts: every response carries Jenkins' default
 * resource Content-Security-Policy, plus a {@code report-uri} on this server, so any violation the browser finds
 * arrives here as a report a test can assert on.
 */
final class CspFileServer implements AutoCloseable {

    /** Jenkins' default {@code hudson.model.DirectoryBrowserSupport.CSP}. */
    static final String JENKINS_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'self';";
    static final String REPORT_PATH = "/csp-report";

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css",
            "text/css; charset=utf-8", "json", "application/json", "svg", "image/svg+xml", "png", "image/png");

    private final HttpServer server;
    private final Path root;
    private final List<String> violations = new ArrayList<>();

    private CspFileServer(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts serving {@code root} on a free loopback port. */
    static CspFileServer serve(Path root) throws IOException {
        return new CspFileServer(root);
    }

    /** The URL of a file under the root, such as {@code run/audit-report.html}. */
    String url(String relative) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + relative;
    }

    /** The bodies of the violation reports received so far. */
    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    /**
     * Waits for a violation report from the document at {@code relative} and returns it.
     *
     * @throws AssertionError when none arrives within the timeout
     */
    synchronized String awaitViolation(String relative, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String report : violations) {
                if (report.contains(relative)) {
                    return report;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no CSP violation report from " + relative + " within " + timeout
                        + "; received: " + violations);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Security-Policy", JENKINS_CSP + " report-uri " + REPORT_PATH
                    + ";");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            String path = exchange.getRequestURI().getPath();
            if (path.equals(REPORT_PATH)) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                synchronized (this) {
                    violations.add(body);
                    notifyAll();
                }
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
