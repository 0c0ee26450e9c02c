package io.clusterbench.probe.redis;

import io.clusterbench.probe.ProbeContext;
import io.clusterbench.spec.LoadProfile;
import io.clusterbench.spec.Parameters;
import io.clusterbench.spec.RedisDescriptor;
import io.clusterbench.spec.SecretRef;
import io.clusterbench.spec.ServiceSpec;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;

/**
 * What one redis probe run does, read from its spec entry and its service with the defaults filled in.
 *
 * @param serviceId the service's id, for messages
 * @param address where the service listens
 * @param port its port
 * @param database the database to SELECT
 * @param tls whether to connect with TLS
 * @param user the ACL user, if any
 * @param password the reference to the password secret, if any (never the value)
 * @param clients concurrent connections, driven by one thread per ten
 * @param pipeline commands per round trip
 * @param requests commands to send over all clients, or -1 when the load is bound by {@code duration}
 * @param duration how long to load, when bound by time
 * @param warmup how long to load the same connections before the measured part; zero for no warm-up
 * @param commands the command mix, in spec order, without repeats
 * @param valueSize bytes per written value
 * @param keyPrefix the prefix of every key the probe writes
 * @param prefixChosen whether the spec chose the prefix (then it is checked to be empty before use)
 * @param rate the open model's commands a second over all clients; empty for the closed model
 * @param profile the levels the load goes through instead of one fixed load, if any
 * @param function the Redis function that {@code fcall} calls, if the mix has it
 */
record RedisSettings(
        String serviceId,
        String address,
        int port,
        int database,
        boolean tls,
        Optional<String> user,
        Optional<SecretRef> password,
        int clients,
        int pipeline,
        long requests,
        Optional<Duration> duration,
        Duration warmup,
        List<RedisCommand> commands,
        int valueSize,
        String keyPrefix,
        boolean prefixChosen,
        Optional<Double> rate,
        Optional<LoadProfile> profile,
        Optional<String> function) {

    /** Connect and read timeout: long enough for a busy server, short enough that a dead one ends the load soon. */
    static final int TIMEOUT_MILLIS = 2000;

    RedisSettings {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmup, "warmup");
        commands = List.copyOf(commands);
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(function, "function");
    }

    /** Reads the probe's parameters (or their defaults) and its service, through the redis descriptor's table. */
    static RedisSettings from(ProbeContext context) {
        ServiceSpec service = context.service();
        Parameters p = context.probe().parameters();
        String address = service.address().orElseGet(
                () -> context.cluster().hosts().get(service.host().orElseThrow()).address());
        Optional<LoadProfile> profile = RedisDescriptor.PROFILE.optionalIn(p);
        // A profile sets its own length; validation refuses requests and duration beside it.
        Optional<Duration> duration = profile.isPresent() ? Optional.of(profile.get().length())
                : RedisDescriptor.DURATION.optionalIn(p);
        long requests = duration.isPresent() ? -1 : RedisDescriptor.REQUESTS.in(p);
        List<RedisCommand> commands = new LinkedHashSet<>(RedisDescriptor.COMMANDS.in(p).stream()
                .map(RedisCommand::fromWord).toList()).stream().toList();
        Optional<String> prefix = RedisDescriptor.KEY_PREFIX.optionalIn(p);
        // The table's limits keep every whole number here within an int.
        return new RedisSettings(service.id(), address, service.port().orElse(6379),
                Math.toIntExact(RedisDescriptor.DATABASE.in(p)), RedisDescriptor.TLS.in(p), service.user(),
                service.secret(), Math.toIntExact(RedisDescriptor.CLIENTS.in(p)),
                Math.toIntExact(RedisDescriptor.PIPELINE.in(p)), requests, duration,
                RedisDescriptor.WARMUP.in(p), commands, Math.toIntExact(RedisDescriptor.VALUE_SIZE.in(p)),
                prefix.orElseGet(() -> defaultPrefix(context.probe().id())), prefix.isPresent(),
                RedisDescriptor.RATE.optionalIn(p), profile, RedisDescriptor.FUNCTION.optionalIn(p));
    }

    /**
     * The settings of one level of the profile: its knob (rate or clients) at the level's value for the level's
     * length, with the warm-up only before the first level. The largest level's clients size the key space.
     */
    RedisSettings atLevel(LoadProfile.Level level, boolean first) {
        boolean open = profile.orElseThrow().knob().equals(RedisDescriptor.RATE.name());
        int levelClients = open ? clients : (int) level.value();
        return new RedisSettings(serviceId, address, port, database, tls, user, password, levelClients, pipeline, -1,
                Optional.of(level.length()), first ? warmup : Duration.ZERO, commands, valueSize, keyPrefix,
                prefixChosen, open ? Optional.of(level.value()) : Optional.empty(), Optional.empty(), function);
    }

    /** Whether the load runs in the open model: a fixed rate of commands, whatever the server does. */
    boolean open() {
        return rate.isPresent();
    }

    /** A prefix no earlier run used, so that the keys of this run are exactly the keys under it. */
    static String defaultPrefix(String probeId) {
        byte[] nonce = new byte[4];
        ThreadLocalRandom.current().nextBytes(nonce);
        return "clusterbench:" + probeId + ":" + HexFormat.of().formatHex(nonce) + ":";
    }

    /** What the measurement names as its target: never credentials. */
    String target() {
        String host = address.contains(":") ? "[" + address + "]" : address;
        return (tls ? "rediss://" : "redis://") + host + ":" + port + "/" + database;
    }

    /** Where, for messages: {@code redis service 'cache' at 10.0.0.71:6379}. */
    String where() {
        return "redis service '" + serviceId + "' at " + address + ":" + port;
    }

    HostAndPort hostAndPort() {
        return new HostAndPort(address, port);
    }

    /** Whether the load ends after a count of commands (otherwise after {@link #duration()}). */
    boolean countBound() {
        return requests >= 0;
    }

    /**
     * The settings of the probe's own connections (INFO, pre-population, cleanup), with a read timeout. Jedis sends
     * no CLIENT SETINFO, which Redis before 7.2 answers with an error, so connecting costs the same everywhere.
     */
    JedisClientConfig clientConfig(Optional<String> secret) {
        return config(secret, TIMEOUT_MILLIS);
    }

    /**
     * The settings of the load's connections: no socket read timeout, because on a socket with one Java reads
     * in non-blocking mode (read, EAGAIN, poll, read: three system calls per reply instead of one), which costs
     * the load about a fifth of its CPU. The load's watchdog enforces the same timeout instead.
     */
    JedisClientConfig loadConfig(Optional<String> secret) {
        return config(secret, 0);
    }

    private JedisClientConfig config(Optional<String> secret, int socketTimeoutMillis) {
        DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MILLIS)
                .socketTimeoutMillis(socketTimeoutMillis)
                .database(database)
                .ssl(tls)
                .clientName("clusterbench")
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
        user.ifPresent(builder::user);
        secret.ifPresent(builder::password);
        return builder.build();
    }
}
