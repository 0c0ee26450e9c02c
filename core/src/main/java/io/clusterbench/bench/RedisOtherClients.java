package io.clusterbench.bench;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.net.BoundedResp;
import io.clusterbench.result.Numbers;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.ProbeSpec;
import io.clusterbench.spec.RedisDescriptor;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.ServiceSpec;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * How many commands per second a Redis server serves to clients other than this check, from two readings of INFO's
 * {@code total_commands_processed} on one connection.
 *
 * <p>Not INFO's {@code instantaneous_ops_per_sec}: that is a moving average over about 1.6 s of 100 ms samples, so
 * right after the run's own round it still shows the run's own load. The counter difference over the gap is exact,
 * less the commands this connection sent in between: Redis counts a command after running it, so the first INFO is
 * in the second reading and not in the first, and the second INFO is in neither.
 */
final class RedisOtherClients {
    /**
     * Other clients' commands per second above which a server is not quiet; a replica's acknowledgements and a
     * sentinel's pings stay well under it.
     */
    static final double LIMIT_OPS_PER_S = 50;
    /** The gap between the readings: long enough to see 50 ops/s as a dozen commands, short enough for each round. */
    static final Duration GAP = Duration.ofMillis(250);
    /** Commands of this connection counted between the two readings: the first INFO. */
    static final long OWN_COMMANDS = 1;
    private static final int TIMEOUT_MILLIS = 2000;
    private static final String COUNTER = "total_commands_processed";

    private RedisOtherClients() {
    }

    /** Where a redis service listens, as a target without credentials: {@code redis://127.0.0.1:6379}. */
    static String target(ClusterSpec spec, ServiceSpec service, boolean tls) {
        String address = address(spec, service);
        String host = address.contains(":") ? "[" + address + "]" : address;
        return (tls ? "rediss://" : "redis://") + host + ":" + service.port().orElse(6379);
    }

    /** Whether a probe of the service connects with TLS, by its {@code tls} parameter. */
    static boolean tls(ProbeSpec probe) {
        return RedisDescriptor.TLS.in(probe.parameters());
    }

    /**
     * Two readings of the counter on one connection.
     *
     * @param othersPerSecond commands per second of clients other than this check
     * @param instantaneous INFO's {@code instantaneous_ops_per_sec} at the second reading, when the server has it
     */
    record Reading(double othersPerSecond, Optional<String> instantaneous) {
    }

    /**
     * The finding when other clients' load is above {@link #LIMIT_OPS_PER_S}; empty when it is not, or when the
     * server cannot be read (then the probe reports it).
     */
    static Optional<QuietFinding> check(ClusterSpec spec, ServiceSpec service, boolean tls, SecretResolver secrets) {
        String target = target(spec, service, tls);
        return read(spec, service, tls, secrets).filter(reading -> reading.othersPerSecond() > LIMIT_OPS_PER_S)
                .map(reading -> new QuietFinding(target, "other_clients_ops_per_s", reading.othersPerSecond(),
                        LIMIT_OPS_PER_S, target + " served " + Numbers.format(reading.othersPerSecond())
                                + " ops/s from other clients just before the round (limit "
                                + Numbers.format(LIMIT_OPS_PER_S)
                                + reading.instantaneous().map(v -> "; INFO instantaneous_ops_per_sec " + v).orElse("")
                                + ")"));
    }

    /** Reads the server twice, {@link #GAP} apart; empty when it cannot be read. */
    static Optional<Reading> read(ClusterSpec spec, ServiceSpec service, boolean tls, SecretResolver secrets) {
        Optional<String> password;
        try {
            password = service.secret().isPresent() ? Optional.of(secrets.resolve(service.secret().get()))
                    : Optional.empty();
        } catch (ClusterBenchException e) {
            return Optional.empty();
        }
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MILLIS)
                .socketTimeoutMillis(TIMEOUT_MILLIS)
                .ssl(tls)
                .clientName("clusterbench")
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
        service.user().ifPresent(config::user);
        password.ifPresent(config::password);
        HostAndPort where = new HostAndPort(address(spec, service), service.port().orElse(6379));
        try (Jedis jedis = BoundedResp.jedis(where, config.build(),
                BoundedResp.Limits.small(Duration.ofMillis(TIMEOUT_MILLIS)))) {
            // Connecting (AUTH, CLIENT SETNAME) happens before the first reading, so it is in neither count.
            jedis.connect();
            long sent = System.nanoTime();
            String first = jedis.info("stats");
            long firstAt = midpoint(sent, System.nanoTime());
            if (!pause(firstAt + GAP.toNanos() - System.nanoTime())) {
                return Optional.empty();
            }
            sent = System.nanoTime();
            String second = jedis.info("stats");
            long secondAt = midpoint(sent, System.nanoTime());
            OptionalDouble others = otherOpsPerSecond(counter(first), counter(second), secondAt - firstAt);
            return others.isEmpty() ? Optional.empty()
                    : Optional.of(new Reading(others.getAsDouble(), field(second, "instantaneous_ops_per_sec")));
        } catch (JedisException e) {
            return Optional.empty();
        } catch (StackOverflowError e) {
            // Jedis reads replies recursively, and a hostile reply nests deeper than the stack; it is unwound by now.
            return Optional.empty();
        }
    }

    /**
     * Other clients' commands per second from two counter readings {@code nanos} apart on one connection; empty
     * when a reading is missing or the counter went back (a CONFIG RESETSTAT or a restart in between).
     */
    static OptionalDouble otherOpsPerSecond(OptionalLong before, OptionalLong after, long nanos) {
        if (before.isEmpty() || after.isEmpty() || nanos <= 0) {
            return OptionalDouble.empty();
        }
        long others = after.getAsLong() - before.getAsLong() - OWN_COMMANDS;
        if (others < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(others / (nanos / 1e9));
    }

    static OptionalLong counter(String info) {
        try {
            return field(info, COUNTER).map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static Optional<String> field(String info, String name) {
        String prefix = name + ":";
        return info.lines().filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).strip()).findFirst();
    }

    private static String address(ClusterSpec spec, ServiceSpec service) {
        return service.address().orElseGet(() -> spec.hosts().get(service.host().orElseThrow()).address());
    }

    private static long midpoint(long start, long end) {
        return start + (end - start) / 2;
    }

    /** Waits out the gap between the readings; false when interrupted (the flag is set again). */
    private static boolean pause(long nanos) {
        if (nanos <= 0) {
            return true;
        }
        try {
            // The measuring interval itself, not synchronisation.
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
