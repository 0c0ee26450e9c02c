package io.clusterbench.probe.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A protocol fixture of vLLM's OpenAI-compatible server, written to the wire format in
 * /work/shared/reference/domain-facts.md §1.2-1.4 (vLLM itself needs a GPU and model weights, so tests cannot run it):
 * {@code POST /v1/completions} and {@code /v1/chat/completions} stream {@code data: {...}\n\n} chunks, a final
 * usage chunk with empty {@code choices}, and {@code data: [DONE]}; {@code GET /v1/models}, {@code /health} and
 * {@code /metrics} answer as vLLM does. How each completion request streams is planted per request by a
 * {@link Script}: time to first token, gaps between tokens, a stall, a dropped connection, an error answer, an empty
 * first chunk, or no usage. The fixture records what it was sent and the peak of requests in flight. Public for the
 * restart action's tests, which wait on its {@code /health}.
 */
public final class OpenAiFixture implements AutoCloseable {
    static final String MODEL = "test-model";

    /**
     * How one completion request is answered.
     *
     * @param ttftMillis delay before the first token chunk
     * @param gapMillis delay between token chunks
     * @param tokens token chunks to send, one token each
     * @param emptyFirstAtMillis when not negative, an empty chunk is sent first at this delay: a role-only delta
     *     ({@code "role":"assistant","content":""}) for chat, {@code "text":""} for completions
     * @param stallAfter when not negative, the stream goes silent after this many token chunks
     * @param dropAfter when not negative, the connection is dropped after this many token chunks
     * @param usage whether the final usage chunk is sent
     * @param errorStatus when not 0, the request is answered with this status and {@code errorBody}
     * @param errorBody the error answer's JSON
     */
    record Script(long ttftMillis, long gapMillis, int tokens, long emptyFirstAtMillis, int stallAfter,
            int dropAfter, boolean usage, int errorStatus, String errorBody) {

        static Script tokens(int tokens, long ttftMillis, long gapMillis) {
            return new Script(ttftMillis, gapMillis, tokens, -1, -1, -1, true, 0, "");
        }

        static Script error(int status, String body) {
            return new Script(0, 0, 0, -1, -1, -1, true, status, body);
        }

        Script emptyFirstChunkAt(long millis) {
            return new Script(ttftMillis, gapMillis, tokens, millis, stallAfter, dropAfter, usage, errorStatus,
                    errorBody);
        }

        Script stallAfter(int chunks) {
            return new Script(ttftMillis, gapMillis, tokens, emptyFirstAtMillis, chunks, dropAfter, usage,
                    errorStatus, errorBody);
        }

        Script dropAfter(int chunks) {
            return new Script(ttftMillis, gapMillis, tokens, emptyFirstAtMillis, stallAfter, chunks, usage,
                    errorStatus, errorBody);
        }

        Script withoutUsage() {
            return new Script(ttftMillis, gapMillis, tokens, emptyFirstAtMillis, stallAfter, dropAfter, false,
                    errorStatus, errorBody);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Token texts; one has a multi-byte character so that UTF-8 decoding is exercised. */
    private static final List<String> WORDS = List.of(" the", " café", " of", " tokens", " and");

    private final HttpServer server;
    private final ExecutorService threads;
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger completions = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger healthRequests = new AtomicInteger();
    private volatile IntFunction<Script> scripts = i -> Script.tokens(5, 10, 5);
    private volatile List<String> models = List.of(MODEL);
    private volatile Optional<String> apiKey = Optional.empty();
    private volatile int healthStatus = 200;
    private volatile int unhealthyRequests;
    private volatile int unhealthyStatus;
    /** With planted slots: the sequences decoded at once; null for a server without a limit. */
    private volatile Semaphore slots;

    private OpenAiFixture() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "openai-fixture");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
    }

    /** A fixture listening on a free loopback port. */
    public static OpenAiFixture start() throws IOException {
        OpenAiFixture fixture = new OpenAiFixture();
        fixture.server.start();
        return fixture;
    }

    /** The server's URL, as a service's {@code url}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Plants how completion request {@code i} (counted from 0 in arrival order, warm-ups included) streams. */
    OpenAiFixture scripts(IntFunction<Script> scriptOfRequest) {
        this.scripts = scriptOfRequest;
        return this;
    }

    /**
     * Holds every completion request after its response headers until the fixture closes, as vLLM holds a long
     * generation: each one counts in {@code vllm:num_requests_running} meanwhile. For tests outside this package,
     * such as the quiet-cluster check's.
     */
    public OpenAiFixture holdCompletions() {
        return scripts(i -> Script.tokens(5, 0, 0).stallAfter(0));
    }

    /**
     * Plants a server that decodes at most {@code slots} sequences at once (vLLM's {@code --max-num-seqs}), each
     * streaming {@code tokens} tokens at one per {@code millisPerToken} (a fixed decode step): a request waits in
     * arrival order for a free slot, and the wait is part of its TTFT, as time in vLLM's scheduler queue is. Tokens
     * are paced from the slot's start (token i at (i + 1) x millisPerToken), so a late wake-up does not add up over a
     * stream. A slot serves {@code 1000 / (tokens x millisPerToken)} requests a second, so with even arrivals the
     * server's goodput capacity is {@code slots} times that, and past it the queue, and with it the TTFT, grows.
     */
    public OpenAiFixture plantedSlots(int slots, int tokens, long millisPerToken) {
        this.slots = new Semaphore(slots, true);
        return scripts(i -> Script.tokens(tokens, millisPerToken, millisPerToken));
    }

    OpenAiFixture models(String... ids) {
        this.models = List.of(ids);
        return this;
    }

    /** Answers 401 as {@code vllm serve --api-key} does when a request lacks {@code Authorization: Bearer KEY}. */
    public OpenAiFixture requireApiKey(String key) {
        this.apiKey = Optional.of(key);
        return this;
    }

    OpenAiFixture healthStatus(int status) {
        this.healthStatus = status;
        return this;
    }

    /**
     * Answers the first {@code count} {@code GET /health} with {@code status} and the later ones with the health
     * status (200 unless set), as a vLLM does that answers 503 while its engine is dead and 200 once it is back.
     */
    public OpenAiFixture unhealthyFor(int count, int status) {
        this.unhealthyStatus = status;
        this.unhealthyRequests = count;
        return this;
    }

    /** How many {@code GET /health} requests have been answered or are being answered. */
    public int healthRequests() {
        return healthRequests.get();
    }

    /** Every request's method and path in arrival order, such as {@code GET /health}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    int completionRequests() {
        return completions.get();
    }

    int peakConcurrency() {
        return peak.get();
    }

    List<JsonNode> bodies() {
        return List.copyOf(bodies);
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            answer(exchange);
        } catch (DroppedConnection drop) {
            // Left unclosed on purpose: HttpServer then closes the socket without the chunked body's last chunk,
            // and the client sees the connection dropped mid-stream.
            throw drop;
        } catch (IOException | RuntimeException e) {
            exchange.close();
            throw e;
        }
        exchange.close();
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] request = exchange.getRequestBody().readAllBytes();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(authorization == null ? "" : authorization);
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        requests.add(method + " " + path);
        boolean authorized = apiKey.map(key -> ("Bearer " + key).equals(authorization)).orElse(true);
        if (path.startsWith("/v1/") && !authorized) {
            send(exchange, 401, "application/json", "{\"error\":\"Unauthorized\"}");
        } else if (method.equals("GET") && path.equals("/health")) {
            exchange.sendResponseHeaders(
                    healthRequests.getAndIncrement() < unhealthyRequests ? unhealthyStatus : healthStatus, -1);
        } else if (method.equals("GET") && path.equals("/v1/models")) {
            send(exchange, 200, "application/json", modelList());
        } else if (method.equals("GET") && path.equals("/metrics")) {
            send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics());
        } else if (method.equals("POST") && (path.equals("/v1/completions")
                || path.equals("/v1/chat/completions"))) {
            stream(exchange, JSON.readTree(request), path.contains("chat"));
        } else {
            send(exchange, 404, "application/json", "{\"detail\":\"Not Found\"}");
        }
    }

    private void stream(HttpExchange exchange, JsonNode request, boolean chat) throws IOException {
        bodies.add(request);
        Script script = scripts.apply(completions.getAndIncrement());
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        Semaphore limit = slots;
        boolean slotHeld = false;
        try {
            if (limit != null) {
                limit.acquire();
                slotHeld = true;
            }
            if (script.errorStatus() != 0) {
                send(exchange, script.errorStatus(), "application/json", script.errorBody());
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            String id = (chat ? "chatcmpl-" : "cmpl-") + completions.get();
            long start = System.nanoTime();
            if (script.emptyFirstAtMillis() >= 0) {
                sleepUntil(start, script.emptyFirstAtMillis());
                event(out, chunk(id, chat, chat ? null : "", true, null));
            }
            for (int i = 0; i < script.tokens(); i++) {
                if (i == script.stallAfter()) {
                    released.await(60, TimeUnit.SECONDS);
                    return;
                }
                if (i == script.dropAfter()) {
                    throw new DroppedConnection();
                }
                if (i == 0 || limit != null) {
                    sleepUntil(start, script.ttftMillis() + i * script.gapMillis());
                } else {
                    // Gaps are slept one after the other, so each is at least the planted one even when a sleep
                    // overshoots.
                    TimeUnit.MILLISECONDS.sleep(script.gapMillis());
                }
                String finish = i == script.tokens() - 1 ? "length" : null;
                event(out, chunk(id, chat, WORDS.get(i % WORDS.size()), false, finish));
            }
            if (script.usage()) {
                event(out, usage(id, chat, promptWords(request, chat), script.tokens()));
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (slotHeld) {
                limit.release();
            }
            inFlight.decrementAndGet();
        }
    }

    private static void sleepUntil(long start, long millis) throws InterruptedException {
        long left = start + TimeUnit.MILLISECONDS.toNanos(millis) - System.nanoTime();
        if (left > 0) {
            // The planted delay of the scripted server, not synchronisation of the test.
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static void event(OutputStream out, ObjectNode chunk) throws IOException {
        out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private ObjectNode chunk(String id, boolean chat, String text, boolean roleOnly, String finish) {
        ObjectNode chunk = header(id, chat);
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        if (chat) {
            ObjectNode delta = choice.putObject("delta");
            if (roleOnly) {
                delta.put("role", "assistant").put("content", "");
            } else {
                delta.put("content", text);
            }
        } else {
            choice.put("text", text);
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finish);
        if (!chat) {
            choice.putNull("stop_reason");
        }
        chunk.putNull("usage");
        return chunk;
    }

    private ObjectNode usage(String id, boolean chat, int promptTokens, int completionTokens) {
        ObjectNode chunk = header(id, chat);
        chunk.putArray("choices");
        chunk.putObject("usage").put("prompt_tokens", promptTokens)
                .put("total_tokens", promptTokens + completionTokens).put("completion_tokens", completionTokens);
        return chunk;
    }

    private static ObjectNode header(String id, boolean chat) {
        return JSON.createObjectNode().put("id", id).put("object", chat ? "chat.completion.chunk" : "text_completion")
                .put("created", 1_764_000_000L).put("model", MODEL);
    }

    /** The fixture's tokenizer: one token per word of the prompt. */
    private static int promptWords(JsonNode request, boolean chat) {
        StringBuilder text = new StringBuilder(request.path("prompt").asText(""));
        if (chat) {
            for (JsonNode message : request.path("messages")) {
                text.append(' ').append(message.path("content").asText(""));
            }
        }
        String words = text.toString().strip();
        return words.isEmpty() ? 0 : words.split("\\s+").length;
    }

    private String modelList() {
        ObjectNode list = JSON.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        for (String id : models) {
            data.addObject().put("id", id).put("object", "model").put("created", 1_764_000_000L)
                    .put("owned_by", "vllm").put("root", "/models/" + id).putNull("parent")
                    .put("max_model_len", 4096).putArray("permission");
        }
        return list.toString();
    }

    /**
     * vLLM's gauges as prometheus_client writes them: KV cache 42 % in use, the requests in flight as running,
     * gpu_memory_utilization 0.9 in cache_config_info, one preemption per completion request received so far; plus
     * a histogram the probe must skip.
     */
    private String metrics() {
        String labels = "engine=\"0\",model_name=\"" + MODEL + "\"";
        return String.join("\n",
                "# HELP vllm:num_requests_running Number of requests in model execution batches.",
                "# TYPE vllm:num_requests_running gauge",
                "vllm:num_requests_running{" + labels + "} " + decimal(inFlight.get()),
                "# HELP vllm:num_requests_waiting Number of requests waiting to be processed.",
                "# TYPE vllm:num_requests_waiting gauge",
                "vllm:num_requests_waiting{" + labels + "} 0.0",
                "# HELP vllm:kv_cache_usage_perc KV-cache usage. 1 means 100 percent usage.",
                "# TYPE vllm:kv_cache_usage_perc gauge",
                "vllm:kv_cache_usage_perc{" + labels + "} 0.42",
                "# HELP vllm:cache_config_info Information of the LLMEngine CacheConfig",
                "# TYPE vllm:cache_config_info gauge",
                "vllm:cache_config_info{block_size=\"16\",cache_dtype=\"auto\",enable_prefix_caching=\"True\","
                        + "engine=\"0\",gpu_memory_utilization=\"0.9\",num_cpu_blocks=\"0\","
                        + "num_gpu_blocks=\"27648\"} 1.0",
                "# HELP vllm:num_preemptions_total Cumulative number of preemption from the engine.",
                "# TYPE vllm:num_preemptions_total counter",
                "vllm:num_preemptions_total{" + labels + "} " + decimal(completions.get()),
                "# HELP vllm:time_to_first_token_seconds Histogram of time to first token in seconds.",
                "# TYPE vllm:time_to_first_token_seconds histogram",
                "vllm:time_to_first_token_seconds_bucket{" + labels + ",le=\"0.001\"} 0.0",
                "vllm:time_to_first_token_seconds_bucket{" + labels + ",le=\"+Inf\"} 5.0",
                "vllm:time_to_first_token_seconds_count{" + labels + "} 5.0",
                "vllm:time_to_first_token_seconds_sum{" + labels + "} 0.5",
                "");
    }

    private static String decimal(int value) {
        return String.format(Locale.ROOT, "%.1f", (double) value);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Thrown by a handler to drop its connection mid-stream. */
    private static final class DroppedConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DroppedConnection() {
            super("the fixture drops the connection", null, false, false);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
