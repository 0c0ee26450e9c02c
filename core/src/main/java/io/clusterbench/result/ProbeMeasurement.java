package io.clusterbench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one probe measured against its target.
 *
 * @param probe the probe id from the spec
 * @param kind the probe kind: {@code redis}, {@code http}, {@code openai}, {@code chroma}, {@code promql},
 *     {@code host} or {@code gpu}
 * @param target what was measured, without credentials: {@code redis://127.0.0.1:6379}, {@code ops@sark}, ...
 * @param status how the probe ended
 * @param startedAt when the probe started
 * @param endedAt when the probe ended
 * @param metrics the numbers measured, in a stable order
 * @param latencies latency distributions, kept whole so that runs can be merged and compared on raw samples
 * @param errors failures met, counted
 * @param rounds the probe's rounds, in order, when it measured in more than one; the metrics and latencies above
 *     are then the merge of all of them (see docs/scoring.md)
 * @param workload the SHA-256 of the probe's workload (kind, target, parameters but rounds); measurements with
 *     different workloads are never compared; null in results written before it existed
 * @param timeline how a load probe's load went second by second, round by round; absent for probes that put no load
 *     (promql, host, gpu) and in results written before it existed
 * @param capacity the capacity search's curve and conclusion, for a probe with {@code capacity:}; absent otherwise
 */
public record ProbeMeasurement(
        String probe,
        String kind,
        String target,
        ProbeStatus status,
        Instant startedAt,
        Instant endedAt,
        List<MetricValue> metrics,
        List<LatencyHistogram> latencies,
        List<ProbeError> errors,
        List<ProbeRound> rounds,
        String workload,
        @JsonInclude(JsonInclude.Include.NON_NULL) Timeline timeline,
        @JsonInclude(JsonInclude.Include.NON_NULL) CapacityCurve capacity) {

    public ProbeMeasurement {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        metrics = List.copyOf(metrics);
        latencies = List.copyOf(latencies);
        errors = List.copyOf(errors);
        rounds = rounds == null ? List.of() : List.copyOf(rounds);
    }

    /** A measurement without a timeline and without a capacity search. */
    public ProbeMeasurement(String probe, String kind, String target, ProbeStatus status, Instant startedAt,
            Instant endedAt, List<MetricValue> metrics, List<LatencyHistogram> latencies, List<ProbeError> errors,
            List<ProbeRound> rounds, String workload) {
        this(probe, kind, target, status, startedAt, endedAt, metrics, latencies, errors, rounds, workload, null,
                null);
    }

    /** A measurement of one round only, as every probe returns it. */
    public ProbeMeasurement(String probe, String kind, String target, ProbeStatus status, Instant startedAt,
            Instant endedAt, List<MetricValue> metrics, List<LatencyHistogram> latencies, List<ProbeError> errors) {
        this(probe, kind, target, status, startedAt, endedAt, metrics, latencies, errors, List.of(), null);
    }

    /** The same measurement with these rounds. */
    public ProbeMeasurement withRounds(List<ProbeRound> newRounds) {
        return new ProbeMeasurement(probe, kind, target, status, startedAt, endedAt, metrics, latencies, errors,
                newRounds, workload, timeline, capacity);
    }

    /** The same measurement, marked with the hash of its probe's workload. */
    public ProbeMeasurement withWorkload(String hash) {
        return new ProbeMeasurement(probe, kind, target, status, startedAt, endedAt, metrics, latencies, errors,
                rounds, hash, timeline, capacity);
    }

    /** The same measurement with this timeline (null for none). */
    public ProbeMeasurement withTimeline(Timeline newTimeline) {
        return new ProbeMeasurement(probe, kind, target, status, startedAt, endedAt, metrics, latencies, errors,
                rounds, workload, newTimeline, capacity);
    }

    /** The same measurement with the curve of its capacity search. */
    public ProbeMeasurement withCapacity(CapacityCurve curve) {
        return new ProbeMeasurement(probe, kind, target, status, startedAt, endedAt, metrics, latencies, errors,
                rounds, workload, timeline, curve);
    }

    /** The rounds of one condition ({@code A}, {@code B}, or empty for a plain benchmark). */
    public List<ProbeRound> rounds(String condition) {
        return rounds.stream().filter(r -> r.condition().equals(condition)).toList();
    }

    /** How long the probe ran. */
    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }
}
