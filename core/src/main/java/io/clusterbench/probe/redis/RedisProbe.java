package io.clusterbench.probe.redis;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.probe.MeasurementBuilder;
import io.clusterbench.probe.Probe;
import io.clusterbench.probe.ProbeContext;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ProbeMeasurement;
import java.util.Optional;

/**
 * Measures a Redis service: command latency and throughput under a closed-model load of {@code clients}
 * connections with {@code pipeline} commands per round trip, plus the server's INFO figures, slow log length and
 * latency-monitor events. Every key it writes is under its own prefix and deleted afterwards; it never runs FLUSH*.
 *
 * <p>With pipelining, the latency of a command is the round trip of the batch it was sent in. The metrics are
 * documented in docs/probes.md.
 */
public final class RedisProbe implements Probe {
    /**
     * Connections at most. One load thread drives up to {@value RedisLoad#CLIENTS_PER_THREAD} of them in rounds
     * ({@link LoadDriver}), so this many take a thousand threads; beyond that the load generator measures its own
     * scheduler rather than Redis.
     */
    static final int MAX_CLIENTS = 10_000;
    static final int MAX_PIPELINE = 100_000;

    @Override
    public ProbeMeasurement run(ProbeContext context) {
        RedisSettings settings = RedisSettings.from(context);
        MeasurementBuilder measurement = context.measure(settings.target());
        Optional<String> refusal = refusal(settings, context.probe().id());
        if (refusal.isPresent()) {
            return measurement.fail(ErrorKind.REFUSED, refusal.get());
        }
        Optional<String> secret;
        try {
            secret = settings.password().isPresent()
                    ? Optional.of(context.secrets().resolve(settings.password().get()))
                    : Optional.empty();
        } catch (ClusterBenchException e) {
            return measurement.fail(ErrorKind.AUTH, "cannot read the password of " + settings.where() + ": "
                    + e.getMessage());
        }
        return new RedisRun(context, settings, measurement, secret).execute();
    }

    /** Settings the probe will not run with, because they would delete foreign keys or swamp this machine. */
    static Optional<String> refusal(RedisSettings settings, String probeId) {
        if (settings.keyPrefix().isEmpty()) {
            return Optional.of("probe '" + probeId + "': keyPrefix is empty, so its keys could not be told from "
                    + "others when deleting them; give a prefix no other program uses, or leave keyPrefix out");
        }
        if (settings.clients() > MAX_CLIENTS) {
            return Optional.of("probe '" + probeId + "': clients " + settings.clients() + " is more than "
                    + MAX_CLIENTS + " (one connection each); split the load over several probes");
        }
        if (settings.pipeline() > MAX_PIPELINE) {
            return Optional.of("probe '" + probeId + "': pipeline " + settings.pipeline() + " is more than "
                    + MAX_PIPELINE + "; use a smaller pipeline");
        }
        return Optional.empty();
    }
}
