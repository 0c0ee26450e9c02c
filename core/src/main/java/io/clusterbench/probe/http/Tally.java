package io.clusterbench.probe.http;

import io.clusterbench.probe.LatencyMetrics;
import io.clusterbench.probe.MeasurementBuilder;
import io.clusterbench.probe.TimelineSource;
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
 *
 * <p>It is also the load's {@link TimelineSource}: each reading takes the recorder's interval histogram, which the
 * tally adds to the whole it publishes at the end, so the timeline adds nothing to the hot path.
 */
final class Tally implements TimelineSource {
    /** An hour in microseconds: anything slower is recorded as an hour rather than lost. */
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final RequestPlan plan;
    private final MeasurementBuilder measurement;
    /** Before every metric name: {@code ""}, or {@code "step2."} for one level of a profile. */
    private final String prefix;
    /** The whole load's tally, for one level's: it is told every event, and alone logs errors. */
    private final Optional<Tally> whole;
    /** Empty for the warm-up's tally, whose requests are not progress. */
    private final Optional<ProbeProgress> progress;
    private final Recorder latencies = new Recorder(HIGHEST_MICROS, 3);
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final LongAdder responses = new LongAdder();
    private final LongAdder successes = new LongAdder();
    private final LongAdder unanswered = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder late = new LongAdder();
    /** Responses with an unexpected status; with {@link #unanswered}, the errors (both only ever grow). */
    private final LongAdder unexpected = new LongAdder();
    /** Requests of the open model that could not start in time: offered, never sent. */
    private final LongAdder unstarted = new LongAdder();
    /** Every latency taken out of the recorder so far, by the timeline's readings or at the end; guarded by this. */
    private final Histogram taken = new Histogram(HIGHEST_MICROS, 3);
    /** The recorder's last interval histogram, handed back to it for reuse; guarded by this. */
    private Histogram interval;
    /** The counts at the previous reading; guarded by this. */
    private long offeredBefore;
    private long achievedBefore;
    private long errorsBefore;
    private final LongAdder generatorLate = new LongAdder();

    Tally(RequestPlan plan, MeasurementBuilder measurement, ProbeProgress progress) {
        this(plan, measurement, Optional.of(progress));
    }

    private Tally(RequestPlan plan, MeasurementBuilder measurement, Optional<ProbeProgress> progress) {
        this(plan, measurement, progress, "", Optional.empty());
    }

    private Tally(RequestPlan plan, MeasurementBuilder measurement, Optional<ProbeProgress> progress, String prefix,
            Optional<Tally> whole) {
        this.plan = plan;
        this.measurement = measurement;
        this.progress = progress;
        this.prefix = prefix;
        this.whole = whole;
    }

    /**
     * The tally of one level of a profile: it counts what was sent at that level, hands every event on to
     * {@code whole} (which keeps the progress and logs the errors), and publishes its metrics as {@code prefix}
     * + name.
     */
    Tally level(String levelPrefix) {
        return new Tally(plan, measurement, Optional.empty(), levelPrefix, Optional.of(this));
    }

    /** The tally of the warm-up, kept apart from the measured one. */
    static Tally warmup(RequestPlan plan, MeasurementBuilder measurement) {
        return new Tally(plan, measurement, Optional.empty());
    }

    /** Counts a request whose bytes are about to be written. */
    void sent() {
        sent.increment();
        whole.ifPresent(Tally::sent);
    }

    /** Counts a request that began later than intended (open model). */
    void late() {
        late.increment();
        whole.ifPresent(Tally::late);
    }

    /**
     * Counts a request the schedule reached late although a connection was free (open model): the generator itself
     * fell behind, not the service.
     */
    void generatorLate() {
        generatorLate.increment();
        whole.ifPresent(Tally::generatorLate);
    }

    /** Counts {@code count} requests that could not start in time although a connection was free (open model). */
    void generatorLate(long count) {
        generatorLate.add(count);
        whole.ifPresent(w -> w.generatorLate(count));
    }

    /** Records a complete response: its latency, its status, and an {@code http-status} error if unexpected. */
    void response(int status, long latencyNanos) {
        whole.ifPresent(w -> w.response(status, latencyNanos));
        latencies.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, latencyNanos / 1000)));
        responses.increment();
        statuses.computeIfAbsent(status, any -> new LongAdder()).increment();
        progress.ifPresent(ProbeProgress::completed);
        if (plan.succeeds(status)) {
            successes.increment();
        } else {
            unexpected.increment();
        }
        if (!plan.succeeds(status) && whole.isEmpty()) {
            progress.ifPresent(ProbeProgress::failed);
            measurement.error(ErrorKind.HTTP_STATUS, plan.method() + " " + plan.target() + " (service "
                    + plan.serviceId() + ") answered " + status + ", expected " + plan.expectation()
                    + (plan.expectStatus().isPresent() ? " (expectStatus)" : ""));
        }
    }

    /** Records a request that got no complete response. */
    void failure(ExchangeFailure failure) {
        unanswered.increment();
        if (whole.isPresent()) {
            whole.get().failure(failure);
            return;
        }
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
        unstarted.add(count);
        if (whole.isPresent()) {
            whole.get().unstarted(count, failure);
            return;
        }
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
        Histogram histogram = allLatencies();
        long requests = sent.sum();
        long errors = completed - successes.sum() + unanswered.sum();
        if (whole.isEmpty()) {
            measurement.latency("latency", "", histogram);
        } else {
            // A level's latencies are its metrics only: the whole load's histogram is the distribution kept.
            measurement.metrics(LatencyMetrics.of(prefix, histogram));
        }
        measurement.metric(prefix + "requests", requests, "count");
        measurement.metric(prefix + "responses", completed, "count");
        measurement.metric(prefix + "requests_per_s", completed / elapsedSeconds, "req/s");
        if (whole.isEmpty()) {
            measurement.metric("success_per_s", successes.sum() / elapsedSeconds, "req/s");
        }
        measurement.metric(prefix + "errors", errors, "count");
        measurement.metric(prefix + "error_pct", 100.0 * errors / (completed + unanswered.sum()), "percent");
        if (whole.isEmpty()) {
            publishStatuses();
        }
        if (sendingSeconds >= 0) {
            measurement.metric(prefix + "sent_per_s", requests / sendingSeconds, "req/s");
            measurement.metric(prefix + "late_requests", late.sum(), "count");
            if (whole.isEmpty()) {
                measurement.metric("generator_late", generatorLate.sum(), "count");
            }
        }
    }

    private void publishStatuses() {
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((status, count) -> byStatus.put(status, count.sum()));
        for (int statusClass = 2; statusClass <= 5; statusClass++) {
            int low = statusClass * 100;
            long count = byStatus.entrySet().stream().filter(e -> e.getKey() >= low && e.getKey() < low + 100)
                    .mapToLong(Map.Entry::getValue).sum();
            measurement.metric("status_" + statusClass + "xx", count, "count");
        }
        byStatus.forEach((status, count) -> measurement.metric("status_" + status, count, "count"));
    }

    /**
     * Adds the warm-up's metrics: what it sent, its errors, its length and its own p50 and p99, never a latency
     * distribution named like a measured one.
     */
    void publishWarmup(double seconds) {
        long errors = responses.sum() - successes.sum() + unanswered.sum();
        measurement.metrics(WarmupMetrics.of("requests", sent.sum(), errors, seconds, allLatencies()));
    }

    @Override
    public synchronized Interval take() {
        interval = latencies.getIntervalHistogram(interval);
        taken.add(interval);
        long achieved = successes.sum();
        long errors = unexpected.sum() + unanswered.sum();
        long offered = sent.sum() + unstarted.sum();
        Interval reading = Interval.of(offered - offeredBefore, achieved - achievedBefore, errors - errorsBefore,
                interval);
        offeredBefore = offered;
        achievedBefore = achieved;
        errorsBefore = errors;
        return reading;
    }

    /** Every latency recorded, whether or not a timeline read some of them already. */
    private synchronized Histogram allLatencies() {
        interval = latencies.getIntervalHistogram(interval);
        taken.add(interval);
        return taken.copy();
    }
}
