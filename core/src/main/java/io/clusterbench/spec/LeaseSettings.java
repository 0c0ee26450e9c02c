package io.clusterbench.spec;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how a run takes its exclusive lease on the cluster (spec keys {@code settings.lease},
 * {@code settings.leaseWait}, {@code settings.leaseBenchmark}).
 *
 * @param service the redis service that holds the lease; empty for the spec's first redis service
 * @param none whether the spec opted out ({@code lease: none}): no lease is taken
 * @param waitFor how long a run waits for a lease another run holds before it stops with the holder's name
 * @param benchmark whether {@code benchmark} takes the lease too ({@code tune} and {@code run} always do)
 */
public record LeaseSettings(Optional<String> service, boolean none, Duration waitFor, boolean benchmark) {

    /** The first redis service, no waiting, benchmark included. */
    public static final LeaseSettings DEFAULT = new LeaseSettings(Optional.empty(), false, Duration.ZERO, true);

    public LeaseSettings {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(waitFor, "waitFor");
    }

    /** The redis service that holds the lease in {@code spec}, or empty when none can (or the spec opted out). */
    public Optional<String> holderIn(ClusterSpec spec) {
        if (none) {
            return Optional.empty();
        }
        if (service.isPresent()) {
            return service;
        }
        return spec.services().values().stream().filter(s -> s.type() == ServiceType.REDIS).map(ServiceSpec::id)
                .findFirst();
    }
}
