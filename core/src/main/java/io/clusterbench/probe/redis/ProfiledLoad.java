package io.clusterbench.probe.redis;

import io.clusterbench.control.ProbeProgress;
import io.clusterbench.control.StopSignal;
import io.clusterbench.probe.ErrorLog;
import io.clusterbench.probe.LatencyMetrics;
import io.clusterbench.probe.MeasurementBuilder;
import io.clusterbench.result.MetricValue;
import io.clusterbench.spec.LoadProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import redis.clients.jedis.JedisClientConfig;

/**
 * A redis load that follows a {@link LoadProfile}, as the http probe's does: each level is an open load at its
 * rate (over the probe's clients) or a closed load with its clients, for its length, one after another, each on
 * its own connections and with the warm-up only before the first. Each level's metrics are published as
 * {@code stepN.}name with the level's value ({@code stepN.rate} or {@code stepN.clients}) and length
 * ({@code stepN.s}); the levels together make the whole load's outcome.
 *
 * @param settings the probe's settings, with the profile
 * @param keys the run's keys
 * @param config the load's connection settings
 * @param progress the probe's progress
 * @param stop ends the load early, between or within levels
 * @param errors where every level's errors go
 * @param secret the password, for scrubbing messages
 * @param threadName the prefix of the load threads' names
 * @param timeline the whole load's timeline, which every level writes in turn
 */
record ProfiledLoad(RedisSettings settings, KeySpace keys, JedisClientConfig config, ProbeProgress progress,
        StopSignal stop, ErrorLog errors, Optional<String> secret, String threadName, LoadTimeline timeline) {

    /** Runs every level, or until the stop signal, publishes each level's metrics, and returns the whole load. */
    RedisLoad.Outcome run(MeasurementBuilder measurement) {
        LoadProfile profile = settings.profile().orElseThrow();
        boolean open = profile.knob().equals("rate");
        RedisLoad.Outcome whole = null;
        for (int i = 0; i < profile.levels().size() && !stop.raised(); i++) {
            LoadProfile.Level level = profile.levels().get(i);
            RedisSettings at = settings.atLevel(level, i == 0);
            RedisLoad.Outcome outcome = new RedisLoad(at, keys, config, level.length().toNanos(), progress, stop,
                    errors, secret, threadName + "-step" + (i + 1), timeline).run();
            if (outcome.connectedClients() > 0) {
                measurement.metrics(levelMetrics("step" + (i + 1) + ".", profile.knob(), level.value(), open,
                        outcome));
            }
            whole = whole == null ? outcome : plus(whole, outcome);
        }
        return whole;
    }

    private static List<MetricValue> levelMetrics(String prefix, String knob, double value, boolean open,
            RedisLoad.Outcome outcome) {
        List<MetricValue> metrics = new ArrayList<>();
        double seconds = outcome.elapsedNanos() / 1e9;
        metrics.add(MetricValue.of(prefix + knob, value, open ? "ops/s" : "connections"));
        metrics.add(MetricValue.of(prefix + "s", seconds, "s"));
        metrics.add(MetricValue.of(prefix + "ops", outcome.totalSucceeded(), "count"));
        if (seconds > 0 && outcome.totalSucceeded() > 0) {
            metrics.add(MetricValue.of(prefix + "ops_per_s", outcome.totalSucceeded() / seconds, "ops/s"));
        }
        metrics.add(MetricValue.of(prefix + "errors", outcome.totalFailed(), "count"));
        Histogram all = new Histogram(RedisLoad.MAX_MICROS, 3);
        outcome.latencies().forEach(all::add);
        if (all.getTotalCount() > 0) {
            metrics.addAll(LatencyMetrics.of(prefix, all));
        }
        outcome.open().ifPresent(sending -> metrics.addAll(RedisRun.openMetrics(prefix, sending, false)));
        return metrics;
    }

    /** Two loads one after the other as one: counts and latencies added, times summed. */
    static RedisLoad.Outcome plus(RedisLoad.Outcome a, RedisLoad.Outcome b) {
        List<Histogram> latencies = new ArrayList<>();
        long[] succeeded = new long[a.commands().size()];
        long[] failed = new long[a.commands().size()];
        for (int slot = 0; slot < a.commands().size(); slot++) {
            Histogram merged = a.latencies().get(slot).copy();
            merged.add(b.latencies().get(slot));
            latencies.add(merged);
            succeeded[slot] = a.succeeded()[slot] + b.succeeded()[slot];
            failed[slot] = a.failed()[slot] + b.failed()[slot];
        }
        Optional<Sending> open = a.open().isPresent() && b.open().isPresent()
                ? Optional.of(a.open().get().plus(b.open().get())) : a.open().or(b::open);
        return new RedisLoad.Outcome(a.commands(), latencies, succeeded, failed,
                Math.max(a.connectedClients(), b.connectedClients()), a.elapsedNanos() + b.elapsedNanos(),
                a.warmup().or(b::warmup), open);
    }
}
