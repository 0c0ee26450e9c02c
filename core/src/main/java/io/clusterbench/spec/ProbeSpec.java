package io.clusterbench.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One measurement to take: a probe of a service ({@code service} set, {@code hosts} empty) or of hosts over SSH
 * (kind host or gpu: {@code hosts} set, no service), with its checked parameters.
 */
public record ProbeSpec(
        String id,
        ProbeKind kind,
        Optional<String> service,
        List<String> hosts,
        Parameters parameters,
        SpecLocation location) {

    public ProbeSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(service, "service");
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(location, "location");
    }
}
