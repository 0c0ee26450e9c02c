package io.clusterbench.tune.redis;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.spec.HostSpec;
import io.clusterbench.spec.SecretRef;
import io.clusterbench.spec.ServiceSpec;
import io.clusterbench.tune.ActionContext;
import java.util.Objects;
import java.util.Optional;

/**
 * The Redis server a redis-config action changes, read from its service: where it listens and how to log in.
 *
 * @param serviceId the service's id, for messages
 * @param address where the service listens (its own address or its host's)
 * @param port its port
 * @param user the ACL user, if any
 * @param password the reference to the password secret, if any (never the value)
 */
record RedisServer(String serviceId, String address, int port, Optional<String> user, Optional<SecretRef> password) {

    static final int DEFAULT_PORT = 6379;

    RedisServer {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** The action's target service; the spec loader has checked that it exists and is a redis service. */
    static RedisServer of(ActionContext context) throws ClusterBenchException {
        String id = context.action().target();
        ServiceSpec service = context.cluster().services().get(id);
        if (service == null) {
            throw new ClusterBenchException(Kind.INVALID_SPEC, "redis-config action '" + context.action().id()
                    + "' (" + context.action().location() + ") names service '" + id + "', which the spec lacks");
        }
        Optional<String> address = service.address().or(() -> service.host()
                .map(host -> context.cluster().hosts().get(host)).map(HostSpec::address));
        if (address.isEmpty()) {
            throw new ClusterBenchException(Kind.INVALID_SPEC, "redis service '" + id + "' (" + service.location()
                    + ") has neither an address nor a known host: give it address: or host:");
        }
        return new RedisServer(id, address.get(), service.port().orElse(DEFAULT_PORT), service.user(),
                service.secret());
    }

    /** What plans and evidence name as the target: never credentials. */
    String url() {
        return "redis://" + hostPort();
    }

    /** Where, for messages: {@code redis service 'cache' at 10.0.0.71:6379}. */
    String where() {
        return "redis service '" + serviceId + "' at " + hostPort();
    }

    private String hostPort() {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }
}
