package io.clusterbench.probe.openai;

import io.clusterbench.spec.OpenAiDescriptor;
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
 * @param maxTokens {@code max_tokens} of every request, or the centre of their range
 * @param lengths how prompt lengths and {@code max_tokens} vary around {@code promptTokens} and {@code maxTokens}
 * @param ignoreEos {@code ignore_eos} as the spec sets it; empty leaves it to the prompts (true when generated)
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
        TokenLengths lengths,
        Optional<Boolean> ignoreEos,
        int warmupRequests,
        long seed,
        Optional<Path> promptsFile,
        List<Double> percentiles,
        Map<String, Double> goodput,
        boolean serverMetrics,
        Duration timeout) {

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

    /** Reads the parameters (or their defaults) through the openai descriptor's table, whose limits fit an int. */
    static OpenAiSettings of(ServiceSpec service, Parameters p) {
        URI url = service.url().orElseThrow(() -> new IllegalStateException("openai service without url"));
        return new OpenAiSettings(
                root(url),
                service.option("model").filter(model -> !model.isBlank()),
                OpenAiDescriptor.ENDPOINT.in(p).equals("chat") ? Endpoint.CHAT : Endpoint.COMPLETIONS,
                whole(OpenAiDescriptor.REQUESTS.in(p)),
                OpenAiDescriptor.REQUEST_RATE.optionalIn(p).map(OptionalDouble::of).orElse(OptionalDouble.empty()),
                OpenAiDescriptor.BURSTINESS.in(p),
                OpenAiDescriptor.MAX_CONCURRENCY.optionalIn(p).map(n -> OptionalInt.of(whole(n)))
                        .orElse(OptionalInt.empty()),
                whole(OpenAiDescriptor.PROMPT_TOKENS.in(p)),
                whole(OpenAiDescriptor.MAX_TOKENS.in(p)),
                new TokenLengths(OpenAiDescriptor.RANGE_RATIO.in(p), OpenAiDescriptor.LENGTHS.in(p).equals("normal")),
                OpenAiDescriptor.IGNORE_EOS.optionalIn(p),
                whole(OpenAiDescriptor.WARMUP_REQUESTS.in(p)),
                OpenAiDescriptor.SEED.in(p),
                OpenAiDescriptor.PROMPTS_FILE.optionalIn(p).map(file -> SpecPaths.expandHome(Path.of(file))),
                OpenAiDescriptor.PERCENTILES.optionalIn(p).orElse(List.of()),
                OpenAiDescriptor.GOODPUT.optionalIn(p).orElse(Map.of()),
                OpenAiDescriptor.METRICS.in(p),
                OpenAiDescriptor.TIMEOUT.in(p));
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

    private static int whole(long value) {
        return Math.toIntExact(value);
    }
}
