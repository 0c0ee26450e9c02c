package io.clusterbench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One round of a probe that measured in rounds: its time window, how it ended and the metrics of that round alone.
 * A round, not a request, is the unit of statistical evidence: requests of one round share the same seconds of
 * machine state, rounds are replicates.
 *
 * @param index the round's place in the run, from 1; in an alternating run, its place in the whole order
 * @param condition {@code A} (before tuning), {@code B} (tuned) in {@code run}, or empty in a plain benchmark
 * @param startedAt when the round started (warm-up included)
 * @param endedAt when it ended
 * @param status how the round ended
 * @param metrics the round's own numbers (throughput, p50, p90, p99, p99.9, errors, ...), warm-up excluded
 * @param latencies the round's own latency histograms, kept only by a shard of a sharded run so that the merge can
 *     add each round's histograms exactly (docs/distributed.md); empty otherwise
 */
public record ProbeRound(int index, String condition, Instant startedAt, Instant endedAt, ProbeStatus status,
        List<MetricValue> metrics, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<LatencyHistogram> latencies) {

    public ProbeRound {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(status, "status");
        metrics = List.copyOf(metrics);
        latencies = latencies == null ? List.of() : List.copyOf(latencies);
    }

    /** A round without histograms of its own. */
    public ProbeRound(int index, String condition, Instant startedAt, Instant endedAt, ProbeStatus status,
            List<MetricValue> metrics) {
        this(index, condition, startedAt, endedAt, status, metrics, List.of());
    }

    /** The same round keeping its own latency histograms. */
    public ProbeRound withLatencies(List<LatencyHistogram> own) {
        return new ProbeRound(index, condition, startedAt, endedAt, status, metrics, own);
    }

    /** The round's value of a metric (name without the probe id), if it measured one. */
    public Optional<MetricValue> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
