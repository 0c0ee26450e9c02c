package io.clusterbench.probe.openai;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.net.StreamWatchdog;
import io.clusterbench.probe.MeasurementBuilder;
import io.clusterbench.probe.Probe;
import io.clusterbench.probe.ProbeContext;
import io.clusterbench.probe.TimelineRecorder;
import io.clusterbench.probe.TimelineSampler;
import io.clusterbench.probe.WarmupMetrics;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.spec.OpenAiDescriptor;
import io.clusterbench.spec.ServiceSpec;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;

/**
 * Measures an OpenAI-compatible LLM server (vLLM and others) the way {@code vllm bench serve} does: streamed
 * completions or chat completions sent on a Poisson (or gamma) schedule, with TTFT, TPOT, ITL, end-to-end latency,
 * request and token throughput and goodput defined exactly as vLLM defines them, so the numbers can be compared with
 * vLLM's own. Before the load it checks {@code /health} and that {@code /v1/models} lists the model; with
 * {@code metrics: true} it also reads the server's {@code /metrics}. Metrics are documented in docs/probes.md.
 */
public final class OpenAiProbe implements Probe {
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public ProbeMeasurement run(ProbeContext context) {
        ServiceSpec service = context.service();
        OpenAiSettings settings = OpenAiSettings.of(service, context.probe().parameters());
        MeasurementBuilder measurement = context.measure(settings.at(settings.endpoint().path()).toString());
        Optional<String> apiKey;
        try {
            apiKey = service.secret().isPresent()
                    ? Optional.of(context.secrets().resolve(service.secret().get())) : Optional.empty();
        } catch (ClusterBenchException e) {
            return measurement.fail(ErrorKind.AUTH, e.getMessage());
        }
        ArrivalPlan plan = ArrivalPlan.of(settings, OpenAiDescriptor.PROFILE.optionalIn(context.probe().parameters()));
        Prompts prompts;
        try {
            prompts = prompts(settings, plan.requests());
        } catch (IOException e) {
            return measurement.fail(ErrorKind.SPEC, "probe " + context.probe().id() + ": cannot read promptsFile "
                    + settings.promptsFile().map(Path::toString).orElse("") + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); check the path");
        } catch (IllegalArgumentException e) {
            return measurement.fail(ErrorKind.SPEC, "probe " + context.probe().id() + ": promptsFile "
                    + e.getMessage());
        }

        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout().compareTo(MAX_CONNECT_TIMEOUT) < 0
                        ? settings.timeout() : MAX_CONNECT_TIMEOUT)
                .build();
        ServerApi api = new ServerApi(client, settings, apiKey);
        if (!ServerChecks.health(api, measurement)) {
            return measurement.finish();
        }
        Optional<String> model = ServerChecks.model(api, settings.model(), service.id(), measurement);
        if (model.isEmpty()) {
            return measurement.finish();
        }

        String threads = "clusterbench-openai-" + context.probe().id();
        try (StreamWatchdog watchdog = new StreamWatchdog(settings.timeout(), threads + "-watchdog")) {
            StreamingRequester requester = new StreamingRequester(client, settings, model.get(), apiKey,
                    settings.ignoreEos().orElse(prompts.generated()), watchdog);
            TimelineRecorder warmupTimeline = TimelineRecorder.forAnyThreads();
            TimelineRecorder measuredTimeline = TimelineRecorder.forAnyThreads();
            TimelineSampler timeline = TimelineSampler.start(context.clock(), threads + "-timeline",
                    settings.warmupRequests() == 0 ? null : warmupTimeline, measuredTimeline);
            warmUp(context, settings, prompts, timed(requester, warmupTimeline), watchdog, threads, measurement);
            // A warm-up of a number of requests ends when its last answer came: the measured part begins now.
            timeline.measuringFrom(System.nanoTime());
            if (context.stop().raised()) {
                return measurement.timeline(timeline.finish()).finish();
            }
            ServerMetricsWatch serverMetrics = settings.serverMetrics()
                    ? new ServerMetricsWatch(api, model.get(), measurement, threads + "-metrics") : null;
            if (serverMetrics != null) {
                serverMetrics.start();
            }
            context.progress().expect(plan.requests());
            double[] offsets = plan.offsets();
            Requests measured = timed(requester, measuredTimeline);
            RequestLoad.Result result = new RequestLoad(i -> measured.send(prompts.get(i), prompts.maxTokensOf(i)),
                    settings.maxConcurrency(), context.stop(), watchdog, threads)
                    .run(offsets, outcome -> count(context, outcome));
            measurement.timeline(timeline.finish());
            for (RequestOutcome outcome : result.outcomes()) {
                if (outcome.status() == RequestOutcome.Status.FAILED) {
                    measurement.error(outcome.errorKind(), outcome.errorMessage());
                }
            }
            ServingMetrics.Report report = ServingMetrics.of(result.outcomes(), result.durationNanos(),
                    prompts.plannedTokens(), settings.percentiles(), settings.goodput());
            measurement.metrics(report.metrics());
            measurement.metrics(LevelMetrics.of(plan, result, prompts.plannedTokens(), settings.goodput()));
            if (report.withoutUsage() > 0) {
                measurement.error(ErrorKind.PROTOCOL, report.withoutUsage() + " of the streams of " + settings.base()
                        + " carried no usage, so their output tokens were counted as chunks (one token each);"
                        + " the server ignores stream_options.include_usage");
            }
            if (serverMetrics != null) {
                measurement.metrics(serverMetrics.finish());
            }
            // Raw distributions are kept beside the metrics, which are computed from every sample the numpy way (as
            // vLLM reports them), not from the histograms.
            return measurement.histograms(report.histograms()).finish();
        }
    }

    private static Prompts prompts(OpenAiSettings settings, int requests) throws IOException {
        if (settings.promptsFile().isPresent()) {
            return Prompts.read(settings.promptsFile().get(), settings.maxTokens());
        }
        return Prompts.generate(requests, settings.promptTokens(), settings.maxTokens(),
                settings.lengths(), settings.seed());
    }

    /**
     * vLLM bench's {@code --num-warmups}: the first prompt, that many times, all at once within
     * {@code maxConcurrency}, on the same client (and its connections) as the measured requests. What they give is
     * left out of every metric and reported apart: their count, errors (logged like any other), length, and their
     * own p50 and p99 of end-to-end latency.
     */
    private static void warmUp(ProbeContext context, OpenAiSettings settings, Prompts prompts,
            Requests requester, StreamWatchdog watchdog, String threads, MeasurementBuilder measurement) {
        if (settings.warmupRequests() == 0) {
            return;
        }
        RequestLoad.Result result = new RequestLoad(i -> requester.send(prompts.get(0), prompts.maxTokensOf(0)), settings.maxConcurrency(),
                context.stop(), watchdog, threads + "-warmup")
                .run(ArrivalSchedule.offsets(settings.warmupRequests(), OptionalDouble.empty(), 1, 0), o -> { });
        Histogram micros = new Histogram(ServingMetrics.HIGHEST_MICROS, 3);
        long sent = 0;
        long failed = 0;
        for (RequestOutcome outcome : result.outcomes()) {
            if (outcome.status() == RequestOutcome.Status.ABORTED) {
                continue;
            }
            sent++;
            if (outcome.succeeded()) {
                micros.recordValue(Math.min(ServingMetrics.HIGHEST_MICROS, Math.max(0, outcome.latencyNanos() / 1000)));
            } else {
                failed++;
                measurement.error(outcome.errorKind(), outcome.errorMessage());
            }
        }
        measurement.metrics(WarmupMetrics.of("requests", sent, failed, result.durationNanos() / 1e9, micros));
    }

    /** Sends one request of a phase of the load. */
    @FunctionalInterface
    private interface Requests {
        RequestOutcome send(String prompt, int maxTokens);
    }

    /**
     * The requester, with every request counted in {@code timeline}: offered when sent, then achieved with its
     * end-to-end latency or failed. A request aborted by a stop is offered and neither: it was never answered.
     */
    private static Requests timed(StreamingRequester requester, TimelineRecorder timeline) {
        return (prompt, maxTokens) -> {
            timeline.offered(1);
            RequestOutcome outcome = requester.send(prompt, maxTokens);
            if (outcome.succeeded()) {
                timeline.achieved(outcome.latencyNanos(), 1);
            } else if (outcome.status() == RequestOutcome.Status.FAILED) {
                timeline.failed(1);
            }
            return outcome;
        };
    }

    private static void count(ProbeContext context, RequestOutcome outcome) {
        if (outcome.status() == RequestOutcome.Status.ABORTED) {
            return;
        }
        context.progress().completed();
        if (outcome.status() == RequestOutcome.Status.FAILED) {
            context.progress().failed();
        }
    }
}
