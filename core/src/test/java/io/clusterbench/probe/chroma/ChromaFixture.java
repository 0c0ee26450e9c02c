package io.clusterbench.probe.chroma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A protocol fixture of ChromaDB 1.x's HTTP API (the Rust frontend's routes in
 * /work/shared/reference/domain-facts.md §4; Chroma is not packaged for these machines, so tests cannot run it):
 * the v2 heartbeat and version, collections looked up by name in a tenant's database, {@code get} and
 * {@code query} by collection id, 410 Gone on every v1 GET, errors as {@code {"error": ..., "message": ...}}, and an
 * optional token checked in {@code x-chroma-token} on everything but the heartbeat. Public for the restart action's
 * tests, which wait on its heartbeat.
 */
public final class ChromaFixture implements AutoCloseable {
    static final String TENANT = "default_tenant";
    static final String DATABASE = "default_database";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COLLECTION = Pattern.compile(
            "/api/v2/tenants/([^/]+)/databases/([^/]+)/collections/([^/]+)(/get|/query)?");

    /** A collection: its id, whether its {@code dimension} is set, and its records' embeddings. */
    private record Collection(String id, String name, boolean dimensionKnown, List<float[]> embeddings) {
        int dimension() {
            return embeddings.isEmpty() ? 0 : embeddings.get(0).length;
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, Collection> collections = new ConcurrentHashMap<>();
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final AtomicInteger queries = new AtomicInteger();
    private volatile Optional<String> token = Optional.empty();
    private volatile boolean v2Missing;
    private volatile long queryDelayMillis;

    private ChromaFixture() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "chroma-fixture");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
    }

    public static ChromaFixture start() throws IOException {
        ChromaFixture fixture = new ChromaFixture();
        fixture.server.start();
        return fixture;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Adds a collection of {@code records} embeddings of {@code dimension}; with {@code dimensionKnown} false its
     * {@code dimension} is null, as for collections created before Chroma recorded it.
     */
    ChromaFixture collection(String name, int dimension, int records, boolean dimensionKnown) {
        List<float[]> embeddings = new CopyOnWriteArrayList<>();
        for (int r = 0; r < records; r++) {
            float[] embedding = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                embedding[d] = (r + 1) * 0.01f + d * 0.001f;
            }
            embeddings.add(embedding);
        }
        collections.put(name, new Collection(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))
                .toString(), name, dimensionKnown, embeddings));
        return this;
    }

    public ChromaFixture requireToken(String value) {
        this.token = Optional.of(value);
        return this;
    }

    /** Answers 404 on the v2 heartbeat, as a server whose v2 API is not where the client looks. */
    ChromaFixture hideV2() {
        this.v2Missing = true;
        return this;
    }

    ChromaFixture queryDelay(long millis) {
        this.queryDelayMillis = millis;
        return this;
    }

    int queries() {
        return queries.get();
    }

    /** The {@code x-chroma-token} header of every request, "" when absent. */
    public List<String> tokens() {
        return List.copyOf(tokens);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            String sent = exchange.getRequestHeaders().getFirst("x-chroma-token");
            tokens.add(sent == null ? "" : sent);
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            if (path.startsWith("/api/v1/")) {
                if (method.equals("POST")) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    error(exchange, 410, "Unimplemented", "The v1 API is deprecated. Please use /v2 apis");
                }
            } else if (path.equals("/api/v2/heartbeat") && method.equals("GET")) {
                if (v2Missing) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    send(exchange, 200, "{\"nanosecond heartbeat\":" + System.currentTimeMillis() * 1_000_000L + "}");
                }
            } else if (token.isPresent() && !token.get().equals(sent)) {
                error(exchange, 401, "AuthError", "Unauthorized");
            } else if (path.equals("/api/v2/version") && method.equals("GET")) {
                send(exchange, 200, "\"1.0.0\"");
            } else {
                collectionRoute(exchange, path, method, request);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void collectionRoute(HttpExchange exchange, String path, String method, byte[] request)
            throws IOException, InterruptedException {
        Matcher m = COLLECTION.matcher(path);
        if (!m.matches() || !decode(m.group(1)).equals(TENANT) || !decode(m.group(2)).equals(DATABASE)) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        String key = decode(m.group(3));
        String action = m.group(4);
        if (action == null && method.equals("GET")) {
            Collection found = collections.get(key);
            if (found == null) {
                error(exchange, 404, "NotFoundError", "Collection [" + key + "] does not exist");
            } else {
                send(exchange, 200, describe(found).toString());
            }
            return;
        }
        Collection byId = collections.values().stream().filter(c -> c.id().equals(key)).findFirst().orElse(null);
        if (byId == null || action == null || !method.equals("POST")) {
            error(exchange, 404, "NotFoundError", "Collection [" + key + "] does not exist");
        } else if (action.equals("/get")) {
            send(exchange, 200, get(byId, JSON.readTree(request)).toString());
        } else {
            query(exchange, byId, JSON.readTree(request));
        }
    }

    private void query(HttpExchange exchange, Collection collection, JsonNode request)
            throws IOException, InterruptedException {
        queries.incrementAndGet();
        JsonNode embeddings = request.path("query_embeddings");
        for (JsonNode embedding : embeddings) {
            if (embedding.size() != collection.dimension()) {
                error(exchange, 400, "InvalidArgumentError", "Collection expecting embedding with dimension of "
                        + collection.dimension() + ", got " + embedding.size());
                return;
            }
        }
        if (queryDelayMillis > 0) {
            // The planted cost of a query, not synchronisation of the test.
            TimeUnit.MILLISECONDS.sleep(queryDelayMillis);
        }
        int results = Math.min(request.path("n_results").asInt(10), collection.embeddings().size());
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode ids = answer.putArray("ids");
        ArrayNode distances = answer.putArray("distances");
        ArrayNode documents = answer.putArray("documents");
        ArrayNode metadatas = answer.putArray("metadatas");
        for (int q = 0; q < embeddings.size(); q++) {
            ArrayNode queryIds = ids.addArray();
            ArrayNode queryDistances = distances.addArray();
            ArrayNode queryDocuments = documents.addArray();
            ArrayNode queryMetadatas = metadatas.addArray();
            for (int r = 0; r < results; r++) {
                queryIds.add("id" + r);
                queryDistances.add(0.1 * (r + 1));
                queryDocuments.add("document " + r);
                queryMetadatas.addObject().put("source", "fixture");
            }
        }
        answer.putNull("embeddings");
        answer.putNull("uris");
        answer.putArray("include").add("documents").add("metadatas").add("distances");
        send(exchange, 200, answer.toString());
    }

    private static ObjectNode get(Collection collection, JsonNode request) {
        int limit = Math.min(request.path("limit").asInt(Integer.MAX_VALUE), collection.embeddings().size());
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode ids = answer.putArray("ids");
        ArrayNode embeddings = answer.putArray("embeddings");
        for (int r = 0; r < limit; r++) {
            ids.add("id" + r);
            ArrayNode embedding = embeddings.addArray();
            for (float component : collection.embeddings().get(r)) {
                embedding.add(component);
            }
        }
        answer.putNull("documents");
        answer.putNull("metadatas");
        answer.putNull("uris");
        answer.putArray("include").add("embeddings");
        return answer;
    }

    private static ObjectNode describe(Collection collection) {
        ObjectNode json = JSON.createObjectNode().put("id", collection.id()).put("name", collection.name());
        json.putObject("configuration_json").putObject("hnsw").put("space", "l2");
        json.putNull("metadata");
        if (collection.dimensionKnown() && collection.dimension() > 0) {
            json.put("dimension", collection.dimension());
        } else {
            json.putNull("dimension");
        }
        return json.put("tenant", TENANT).put("database", DATABASE).put("log_position", 0).put("version", 0);
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

    private static void error(HttpExchange exchange, int status, String error, String message) throws IOException {
        send(exchange, status, JSON.createObjectNode().put("error", error).put("message", message).toString());
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
