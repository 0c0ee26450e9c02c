package io.clusterbench.probe;

import io.clusterbench.control.ProbeProgress;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.LatencyHistogram;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.Timeline;
import io.clusterbench.result.TimelineRound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.HdrHistogram.AbstractHistogram;

/**
 * Gathers one probe's numbers and errors while it runs and turns them into a {@link ProbeMeasurement} whose status
 * follows from what was gathered: {@code OK} without errors, {@code PARTIAL} with errors and some numbers,
 * {@code FAILED} with errors and no numbers.
 */
public final class MeasurementBuilder {
    private final ProbeContext context;
    private final String target;
    private final Instant startedAt;
    private final ErrorLog errors;
    private final List<MetricValue> metrics = new ArrayList<>();
    private final List<LatencyHistogram> latencies = new ArrayList<>();
    private Timeline timeline;

    MeasurementBuilder(ProbeContext context, String target) {
        this.context = context;
        this.target = target;
        this.startedAt = context.clock().instant();
        this.errors = new ErrorLog(context.clock());
    }

    /** The error log, safe to use from load threads. */
    public ErrorLog errors() {
        return errors;
    }

    /** Records one failure (counted with identical ones). */
    public MeasurementBuilder error(ErrorKind kind, String message) {
        errors.add(kind, message);
        return this;
    }

    /** Adds a measured number. */
    public synchronized MeasurementBuilder metric(String name, double value, String unit) {
        metrics.add(MetricValue.of(name, value, unit));
        return this;
    }

    /** Adds measured numbers. */
    public synchronized MeasurementBuilder metrics(Collection<MetricValue> values) {
        metrics.addAll(values);
        return this;
    }

    /** Adds a latency distribution (microseconds) and its millisecond metrics named {@code PREFIX + "p99_ms"}... */
    public synchronized MeasurementBuilder latency(String name, String metricPrefix, AbstractHistogram micros) {
        if (micros.getTotalCount() > 0) {
            latencies.add(LatencyHistogram.of(name, "us", micros));
            metrics.addAll(LatencyMetrics.of(metricPrefix, micros));
        }
        return this;
    }

    /**
     * Adds latency distributions without deriving metrics from them, for probes whose metrics follow another
     * definition (the openai probe computes vLLM's numbers from every sample).
     */
    public synchronized MeasurementBuilder histograms(Collection<LatencyHistogram> histograms) {
        latencies.addAll(histograms);
        return this;
    }

    /** Sets how the load went second by second; a load probe's round, as its {@link TimelineSampler} read it. */
    public synchronized MeasurementBuilder timeline(TimelineRound round) {
        timeline = Timeline.of(List.of(round));
        return this;
    }

    /** Ends the measurement now. A run stopped early is said so in the errors, so partial numbers never pass as whole. */
    public synchronized ProbeMeasurement finish() {
        if (context.stop().raised()) {
            ProbeProgress.Snapshot progress = context.progress().snapshot();
            String planned = progress.total() >= 0 ? " of " + progress.total() : "";
            String after = " after " + progress.done() + planned + " operations";
            context.stop().abortReason().ifPresentOrElse(
                    why -> errors.add(ErrorKind.ABORTED, "load aborted" + after + ": " + why),
                    () -> errors.add(ErrorKind.STOPPED, "stopped by a stop request" + after));
        }
        ProbeStatus status;
        if (errors.isEmpty()) {
            status = ProbeStatus.OK;
        } else if (metrics.isEmpty() && latencies.isEmpty()) {
            status = ProbeStatus.FAILED;
        } else {
            status = ProbeStatus.PARTIAL;
        }
        return new ProbeMeasurement(context.probe().id(), context.probe().kind().word(),
                target, status, startedAt, context.clock().instant(), metrics, latencies, errors.errors(), List.of(),
                null, timeline, null);
    }

    /** Ends the measurement as failed with one error: the target could not be measured at all. */
    public synchronized ProbeMeasurement fail(ErrorKind kind, String message) {
        errors.add(kind, message);
        return finish();
    }
}
