package io.clusterbench.probe.openai;

import io.clusterbench.spec.Parameters;
import io.clusterbench.spec.ServiceSpec;
import io.clusterbench.spec.SpecPaths;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The openai probe's load, read from its parameters and its service, with the defaults of {@code vllm bench serve}
 * where it has one.
 *
 * @param base the server's root, without a trailing {@code /} or {@code /v1}
 * @param model the service's {@code model}; empty means the first model the server lists, as vLLM bench does
 * @param endpoint which API the load goes to
 * @param requests measured requests
 * @param requestRate mean arrivals per second; empty sends every request at once (vLLM's {@code inf})
 * @param burstiness gamma shape of the gaps between arrivals; 1 is a Poisson process
 * @param maxConcurrency cap on requests in flight; empty means none
 * @param promptTokens words per generated prompt
 * @param maxTokens {@code max_tokens} of every request
 * @param warmupRequests requests sent before the measured ones and left out of every metric
 * @param seed seeds prompts and arrivals
 * @param promptsFile prompts to send instead of generated ones
 * @param percentiles percentiles reported besides the standard ones
 * @param goodput service-level objectives in ms by {@code ttft_ms}, {@code tpot_ms}, {@code e2el_ms}
 * @param serverMetrics whether to read the server's {@code /metrics}
 * @param timeout longest wait for response headers or for the next bytes of a stream
 */
record OpenAiSettings(
        URI base,
        Optional<String> model,
        Endpoint endpoint,
        int requests,
        OptionalDouble requestRate,
        double burstiness,
        OptionalInt maxConcurrency,
        int promptTokens,
        int maxTokens,
        int warmupRequests,
        long seed,
        Optional<Path> promptsFile,
        List<Double> percentiles,
        Map<String, Double> goodput,
        boolean serverMetrics,
        Duration timeout) {

    static final int DEFAULT_REQUESTS = 100;
    /** vLLM bench's random dataset: {@code --random-input-len 1024}, {@code --random-output-len 128}. */
    static final int DEFAULT_PROMPT_TOKENS = 1024;
    static final int DEFAULT_MAX_TOKENS = 128;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** The two APIs the probe can load, with their paths. */
    enum Endpoint {
        COMPLETIONS("/v1/completions"),
        CHAT("/v1/chat/completions");

        private final String path;

        Endpoint(String path) {
            this.path = path;
        }

        String path() {
            return path;
        }
    }

    static OpenAiSettings of(ServiceSpec service, Parameters parameters) {
        URI url = service.url().orElseThrow(() -> new IllegalStateException("openai service without url"));
        return new OpenAiSettings(
                root(url),
                service.option("model").filter(model -> !model.isBlank()),
                parameters.string("endpoint", "completions").equals("chat") ? Endpoint.CHAT : Endpoint.COMPLETIONS,
                whole(parameters, "requests", DEFAULT_REQUESTS),
                parameters.optionalDouble("requestRate"),
                parameters.doubleValue("burstiness", 1.0),
                parameters.has("maxConcurrency")
                        ? OptionalInt.of(whole(parameters, "maxConcurrency", 1)) : OptionalInt.empty(),
                whole(parameters, "promptTokens", DEFAULT_PROMPT_TOKENS),
                whole(parameters, "maxTokens", DEFAULT_MAX_TOKENS),
                whole(parameters, "warmupRequests", 0),
                parameters.longValue("seed", 0),
                parameters.optionalString("promptsFile").map(file -> SpecPaths.expandHome(Path.of(file))),
                parameters.doubleList("percentiles"),
                parameters.doubleMap("goodput"),
                parameters.bool("metrics", false),
                parameters.duration("timeout", DEFAULT_TIMEOUT));
    }

    /** The URL of a path under the server's root, such as {@code /v1/models}. */
    URI at(String path) {
        return URI.create(base + path);
    }

    /**
     * Clients of OpenAI-compatible servers are often given {@code http://host:8000/v1}; the probe adds the
     * {@code /v1} paths itself, so both spellings name the same server.
     */
    private static URI root(URI url) {
        String text = url.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.endsWith("/v1")) {
            text = text.substring(0, text.length() - 3);
        }
        return URI.create(text);
    }

    private static int whole(Parameters parameters, String name, int defaultValue) {
        return (int) Math.min(Integer.MAX_VALUE, parameters.longValue(name, defaultValue));
    }
}
