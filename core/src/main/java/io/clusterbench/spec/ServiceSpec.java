package io.clusterbench.spec;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A service of the cluster.
 *
 * <p>A redis service has {@code host} (a hosts id) or {@code address}, and a {@code port} (6379 when not written);
 * the others have a {@code url} and may name the {@code host} they run on. {@code secret} is the redis
 * {@code password}, the openai {@code apiKey} or the chroma/prometheus {@code token}. {@code options} holds the
 * type's own settings as strings: {@code model} (openai), {@code collection}, {@code tenant}, {@code database}
 * (chroma), {@code caFile} (http: the path of the CA certificates, resolved against the spec's folder, a leading
 * {@code ~} kept).
 */
public record ServiceSpec(
        String id,
        ServiceType type,
        Optional<String> host,
        Optional<String> address,
        OptionalInt port,
        Optional<URI> url,
        Optional<String> user,
        Optional<SecretRef> secret,
        Map<String, Object> options,
        SpecLocation location) {

    public ServiceSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(secret, "secret");
        options = ClusterSpec.ordered(options);
        Objects.requireNonNull(location, "location");
    }

    /** The option {@code name} as text, if written. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name)).map(Object::toString);
    }
}
