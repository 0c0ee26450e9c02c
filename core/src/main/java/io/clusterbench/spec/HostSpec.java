package io.clusterbench.spec;

import java.time.Duration;
import java.util.Objects;

/** A machine reached over SSH: where it is, who logs in, how, and how its host key is checked. */
public record HostSpec(
        String id,
        String address,
        int port,
        String user,
        HostAuth auth,
        HostKeyPolicy hostKey,
        Duration connectTimeout,
        Duration commandTimeout,
        SpecLocation location) {

    public HostSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(hostKey, "hostKey");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(location, "location");
    }
}
