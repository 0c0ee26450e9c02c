package io.clusterbench.probe.openai;

import io.clusterbench.metrics.PrometheusText;
import io.clusterbench.probe.MeasurementBuilder;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.MetricValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads vLLM's own gauges from its {@code /metrics} before, during (once a second) and after the load, so a run
 * shows how full the KV cache and the queues got, what {@code --gpu-memory-utilization} the server really runs
 * with, and how many requests it preempted. Names follow vllm/v1/metrics/loggers.py; the KV cache gauge is
 * {@code vllm:kv_cache_usage_perc}, or {@code vllm:gpu_cache_usage_perc} on servers older than 0.9.
 */
final class ServerMetricsWatch {
    private static final String KV_CACHE = "vllm:kv_cache_usage_perc";
    private static final String KV_CACHE_BEFORE_0_9 = "vllm:gpu_cache_usage_perc";
    private static final String RUNNING = "vllm:num_requests_running";
    private static final String WAITING = "vllm:num_requests_waiting";
    private static final String CACHE_CONFIG = "vllm:cache_config_info";
    private static final String PREEMPTIONS = "vllm:num_preemptions_total";

    /**
     * The gauges of one reading; each empty when the server does not expose it.
     *
     * @param kvCacheUsage the fraction (0-1) of KV cache blocks in use, the highest over engines
     * @param running requests running, summed over engines
     * @param waiting requests waiting, summed over engines
     * @param gpuMemoryUtilization the {@code gpu_memory_utilization} label of {@code vllm:cache_config_info}
     * @param preemptions preemptions since the server started, summed over engines
     */
    record Snapshot(OptionalDouble kvCacheUsage, OptionalDouble running, OptionalDouble waiting,
            OptionalDouble gpuMemoryUtilization, OptionalDouble preemptions) {
    }

    private final ServerApi api;
    private final Optional<String> model;
    private final MeasurementBuilder measurement;
    private final ScheduledExecutorService sampler;
    private Snapshot before;
    private volatile double maxKvCache = Double.NaN;
    private volatile double maxRunning = Double.NaN;
    private volatile double maxWaiting = Double.NaN;

    ServerMetricsWatch(ServerApi api, String model, MeasurementBuilder measurement, String threadName) {
        this.api = api;
        this.model = Optional.of(model);
        this.measurement = measurement;
        this.sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Takes the reading before the load and samples once a second until {@link #finish()}. */
    void start() {
        before = read().orElse(null);
        sampler.scheduleWithFixedDelay(() -> read().ifPresent(this::track), 1, 1, TimeUnit.SECONDS);
    }

    /** Stops sampling, takes the reading after the load, and returns the metrics (docs/probes.md). */
    List<MetricValue> finish() {
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Optional<Snapshot> after = read();
        after.ifPresent(this::track);
        List<MetricValue> metrics = new ArrayList<>();
        if (after.isEmpty()) {
            return metrics;
        }
        Snapshot last = after.get();
        last.kvCacheUsage().ifPresent(v -> metrics.add(MetricValue.of("server.kv_cache_usage_pct", 100 * v,
                "percent")));
        addIfMeasured(metrics, "server.kv_cache_usage_max_pct", 100 * maxKvCache, "percent");
        last.running().ifPresent(v -> metrics.add(MetricValue.of("server.num_requests_running", v, "count")));
        addIfMeasured(metrics, "server.num_requests_running_max", maxRunning, "count");
        last.waiting().ifPresent(v -> metrics.add(MetricValue.of("server.num_requests_waiting", v, "count")));
        addIfMeasured(metrics, "server.num_requests_waiting_max", maxWaiting, "count");
        last.gpuMemoryUtilization().ifPresent(v -> metrics.add(MetricValue.of("server.gpu_memory_utilization", v,
                "ratio")));
        if (before != null && before.preemptions().isPresent() && last.preemptions().isPresent()) {
            metrics.add(MetricValue.of("server.num_preemptions",
                    last.preemptions().getAsDouble() - before.preemptions().getAsDouble(), "count"));
        }
        return metrics;
    }

    private synchronized void track(Snapshot snapshot) {
        snapshot.kvCacheUsage().ifPresent(v -> maxKvCache = max(maxKvCache, v));
        snapshot.running().ifPresent(v -> maxRunning = max(maxRunning, v));
        snapshot.waiting().ifPresent(v -> maxWaiting = max(maxWaiting, v));
    }

    private Optional<Snapshot> read() {
        ServerApi.Answer answer = api.get("/metrics");
        if (!answer.answered()) {
            measurement.error(answer.errorKind(), answer.errorMessage());
            return Optional.empty();
        }
        if (answer.status() != 200) {
            measurement.error(ErrorKind.HTTP_STATUS, "GET " + api.url("/metrics") + " answered " + answer.status()
                    + ": " + ErrorBodies.message(answer.body()) + "; leave out metrics: true for servers without it");
            return Optional.empty();
        }
        return Optional.of(parse(answer.body(), model));
    }

    /** The gauges in a {@code /metrics} text, counting only series of {@code model} when they name one. */
    static Snapshot parse(String text, Optional<String> model) {
        double kvCache = Double.NaN;
        double kvCacheOld = Double.NaN;
        double running = Double.NaN;
        double waiting = Double.NaN;
        double gpuMemory = Double.NaN;
        double preemptions = Double.NaN;
        for (PrometheusText.Sample sample : PrometheusText.parse(text)) {
            String served = sample.labels().get("model_name");
            if (served != null && model.isPresent() && !served.equals(model.get())) {
                continue;
            }
            double value = sample.value();
            switch (sample.name()) {
                case KV_CACHE -> kvCache = max(kvCache, value);
                case KV_CACHE_BEFORE_0_9 -> kvCacheOld = max(kvCacheOld, value);
                case RUNNING -> running = sum(running, value);
                case WAITING -> waiting = sum(waiting, value);
                case PREEMPTIONS -> preemptions = sum(preemptions, value);
                case CACHE_CONFIG -> {
                    if (Double.isNaN(gpuMemory)) {
                        gpuMemory = number(sample.labels().get("gpu_memory_utilization"));
                    }
                }
                default -> {
                    // Other series are not this probe's business; the promql probe reads any of them.
                }
            }
        }
        return new Snapshot(measured(Double.isNaN(kvCache) ? kvCacheOld : kvCache), measured(running),
                measured(waiting), measured(gpuMemory), measured(preemptions));
    }

    private static double number(String text) {
        if (text == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double max(double sofar, double value) {
        return Double.isNaN(sofar) ? value : Math.max(sofar, value);
    }

    private static double sum(double sofar, double value) {
        return Double.isNaN(sofar) ? value : sofar + value;
    }

    private static OptionalDouble measured(double value) {
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    private static void addIfMeasured(List<MetricValue> metrics, String name, double value, String unit) {
        if (Double.isFinite(value)) {
            metrics.add(MetricValue.of(name, value, unit));
        }
    }
}
