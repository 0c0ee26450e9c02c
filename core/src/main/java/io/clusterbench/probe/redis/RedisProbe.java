package io.clusterbench.probe.redis;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.probe.MeasurementBuilder;
import io.clusterbench.probe.Probe;
import io.clusterbench.probe.ProbeContext;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ProbeMeasurement;
import java.util.Optional;

/**
 * Measures a Redis service: command latency and throughput under a load of {@code clients} connections with
 * {@code pipeline} commands per round trip, in the closed model, the open model ({@code rate}, latency from each
 * batch's intended start) or a profile of either, plus the server's INFO figures, slow log length and
 * latency-monitor events. Every key it writes is under its own prefix and deleted afterwards; it never runs FLUSH*.
 *
 * <p>With pipelining, the latency of a command is the round trip of the batch it was sent in. The metrics are
 * documented in docs/probes.md.
 */
public final class RedisProbe implements Probe {

    @Override
    public ProbeMeasurement run(ProbeContext context) {
        RedisSettings settings = RedisSettings.from(context);
        MeasurementBuilder measurement = context.measure(settings.target());
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
}
