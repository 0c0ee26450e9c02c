package io.clusterbench.probe.http;

import io.clusterbench.probe.MeasurementBuilder;
import io.clusterbench.probe.WarmupMetrics;
import io.clusterbench.control.ProbeProgress;
import io.clusterbench.result.ErrorKind;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the load threads of one http probe saw, counted without locks on the hot path: the latency of every
 * completed response, responses by status, failures by kind, and (open model) sends and late sends. At the end it
 * becomes the measurement's metrics.
 *
 * <p>The warm-up has a tally of its own ({@link #warmup}): its requests count in no measured metric and not in the
 * progress, its errors are logged like any other, and it publishes only its counts, length and own p50 and p99.
 */
final class Tally {
    /** An hour in microseconds: anything slower is recorded as an hour rather than lost. */
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final RequestPlan plan;
    private final MeasurementBuilder measurement;
    /** Empty for the warm-up's tally, whose requests are not progress. */
    private final Optional<ProbeProgress> progress;
    private final Recorder latencies = new Recorder(HIGHEST_MICROS, 3);
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final LongAdder responses = new LongAdder();
    private final LongAdder successes = new LongAdder();
    private final LongAdder unanswered = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder late = new LongAdder();
    private final LongAdder generatorLate = new LongAdder();

    Tally(RequestPlan plan, MeasurementBuilder measurement, ProbeProgress progress) {
        this(plan, measurement, Optional.of(progress));
    }

    private Tally(RequestPlan plan, MeasurementBuilder measurement, Optional<ProbeProgress> progress) {
        this.plan = plan;
        this.measurement = measurement;
        this.progress = progress;
    }

    /** The tally of the warm-up, kept apart from the measured one. */
    static Tally warmup(RequestPlan plan, MeasurementBuilder measurement) {
        return new Tally(plan, measurement, Optional.empty());
    }

    /** Counts a request whose bytes are about to be written. */
    void sent() {
        sent.increment();
    }

    /** Counts a request that began later than intended (open model). */
    void late() {
        late.increment();
    }

    /**
     * Counts a request the schedule reached late although a connection was free (open model): the generator itself
     * fell behind, not the service.
     */
    void generatorLate() {
        generatorLate.increment();
    }

    /** Counts {@code count} requests that could not start in time although a connection was free (open model). */
    void generatorLate(long count) {
        generatorLate.add(count);
    }

    /** Records a complete response: its latency, its status, and an {@code http-status} error if unexpected. */
    void response(int status, long latencyNanos) {
        latencies.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, latencyNanos / 1000)));
        responses.increment();
        statuses.computeIfAbsent(status, any -> new LongAdder()).increment();
        progress.ifPresent(ProbeProgress::completed);
        if (plan.succeeds(status)) {
            successes.increment();
        } else {
            progress.ifPresent(ProbeProgress::failed);
            measurement.error(ErrorKind.HTTP_STATUS, plan.method() + " " + plan.target() + " (service "
                    + plan.serviceId() + ") answered " + status + ", expected " + plan.expectation()
                    + (plan.expectStatus().isPresent() ? " (expectStatus)" : ""));
        }
    }

    /** Records a request that got no complete response. */
    void failure(ExchangeFailure failure) {
        unanswered.increment();
        progress.ifPresent(p -> {
            p.completed();
            p.failed();
        });
        measurement.error(failure.kind(), failure.getMessage());
    }

    /**
     * Counts {@code count} requests of the open model that could not start within their timeout (all connections
     * busy): each late and failed, recorded at once, so that a schedule far ahead of the service costs no more than
     * one call however many requests it wanted.
     */
    void unstarted(long count, ExchangeFailure failure) {
        late.add(count);
        unanswered.add(count);
        progress.ifPresent(p -> {
            p.completed(count);
            for (long i = 0; i < count; i++) {
                p.failed();
            }
        });
        measurement.errors().add(failure.kind(), failure.getMessage(), count);
    }

    /** Whether any request got a complete response, expected or not. */
    boolean answered() {
        return responses.sum() > 0;
    }

    /** Requests sent so far. */
    long sentCount() {
        return sent.sum();
    }

    /**
     * Adds the metrics; none at all when no response completed, since nothing about the service was measured then
     * (the errors say why, and the measurement is FAILED).
     *
     * @param elapsedSeconds from the first send to the end of the last request
     * @param sendingSeconds the open model's sending window, or a negative number for the closed model
     */
    void publish(double elapsedSeconds, double sendingSeconds) {
        long completed = responses.sum();
        if (completed == 0) {
            return;
        }
        Histogram histogram = latencies.getIntervalHistogram();
        long requests = sent.sum();
        long errors = completed - successes.sum() + unanswered.sum();
        measurement.latency("latency", "", histogram);
        measurement.metric("requests", requests, "count");
        measurement.metric("responses", completed, "count");
        measurement.metric("requests_per_s", completed / elapsedSeconds, "req/s");
        measurement.metric("success_per_s", successes.sum() / elapsedSeconds, "req/s");
        measurement.metric("errors", errors, "count");
        measurement.metric("error_pct", 100.0 * errors / (completed + unanswered.sum()), "percent");
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((status, count) -> byStatus.put(status, count.sum()));
        for (int statusClass = 2; statusClass <= 5; statusClass++) {
            int low = statusClass * 100;
            long count = byStatus.entrySet().stream().filter(e -> e.getKey() >= low && e.getKey() < low + 100)
                    .mapToLong(Map.Entry::getValue).sum();
            measurement.metric("status_" + statusClass + "xx", count, "count");
        }
        byStatus.forEach((status, count) -> measurement.metric("status_" + status, count, "count"));
        if (sendingSeconds >= 0) {
            measurement.metric("sent_per_s", requests / sendingSeconds, "req/s");
            measurement.metric("late_requests", late.sum(), "count");
            measurement.metric("generator_late", generatorLate.sum(), "count");
        }
    }

    /**
     * Adds the warm-up's metrics: what it sent, its errors, its length and its own p50 and p99, never a latency
     * distribution named like a measured one.
     */
    void publishWarmup(double seconds) {
        long errors = responses.sum() - successes.sum() + unanswered.sum();
        measurement.metrics(WarmupMetrics.of("requests", sent.sum(), errors, seconds,
                latencies.getIntervalHistogram()));
    }
}
