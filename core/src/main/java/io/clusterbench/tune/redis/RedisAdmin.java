package io.clusterbench.tune.redis;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.net.AnswerTooLargeException;
import io.clusterbench.net.AnswerTooSlowException;
import io.clusterbench.net.BoundedResp;
import io.clusterbench.net.MalformedAnswerException;
import io.clusterbench.spec.SecretResolver;
import java.time.Duration;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * One admin connection to a Redis server: CONFIG GET, CONFIG SET (atomic on Redis 7+, one by one before), CONFIG
 * REWRITE, with every Jedis failure turned into a message that says where and what to do and never holds the
 * password.
 */
final class RedisAdmin implements AutoCloseable {

    /** Connect and reply timeout: CONFIG commands are instant, so a silent server for this long is broken. */
    static final int TIMEOUT_MILLIS = 5000;
    /** The first Redis version whose CONFIG SET takes several parameters and applies all or none. */
    static final int ATOMIC_SINCE_MAJOR = 7;

    /** What CONFIG REWRITE did. */
    enum Rewrite {
        /** The server's config file now holds the live values. */
        WRITTEN,
        /** The server was started without a config file, so there is nothing to write to. */
        NO_CONFIG_FILE
    }

    private final Jedis jedis;
    private final RedisServer server;
    private final Optional<String> secret;
    private String version;

    private RedisAdmin(Jedis jedis, RedisServer server, Optional<String> secret) {
        this.jedis = jedis;
        this.server = server;
        this.secret = secret;
    }

    /** Connects and logs in (AUTH with the service's user and password, when it has them). */
    static RedisAdmin open(RedisServer server, SecretResolver secrets) throws ClusterBenchException {
        Optional<String> secret = server.password().isPresent()
                ? Optional.of(secrets.resolve(server.password().get())) : Optional.empty();
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MILLIS)
                .socketTimeoutMillis(TIMEOUT_MILLIS)
                .clientName("clusterbench-tune")
                // Redis before 7.2 answers CLIENT SETINFO with an error; tuning must work on older servers.
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
        server.user().ifPresent(config::user);
        secret.ifPresent(config::password);
        try {
            return new RedisAdmin(BoundedResp.jedis(new HostAndPort(server.address(), server.port()), config.build(),
                    BoundedResp.Limits.within(Duration.ofMillis(TIMEOUT_MILLIS))), server, secret);
        } catch (RuntimeException e) {
            throw failure(e, "connecting", true, server, secret);
        } catch (StackOverflowError e) {
            throw tooDeep("connecting", server);
        }
    }

    /** {@code redis_version} from INFO server, read once. */
    String version() throws ClusterBenchException {
        if (version == null) {
            version = infoServer("redis_version").orElse("unknown");
        }
        return version;
    }

    /**
     * Whether the server runs without a config file ({@code config_file} in INFO server is empty), so that CONFIG
     * REWRITE would fail; false when the server does not say.
     */
    boolean withoutConfigFile() throws ClusterBenchException {
        return infoServer("config_file").map(String::isEmpty).orElse(false);
    }

    private Optional<String> infoServer(String field) throws ClusterBenchException {
        String info = call("INFO server", () -> jedis.info("server"));
        return info.lines().filter(line -> line.startsWith(field + ":"))
                .map(line -> line.substring(field.length() + 1).strip()).findFirst();
    }

    /** Whether this server's CONFIG SET applies several parameters all or none (Redis 7.0 and later). */
    boolean setsAtomically() throws ClusterBenchException {
        String v = version();
        int dot = v.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? v : v.substring(0, dot)) >= ATOMIC_SINCE_MAJOR;
        } catch (NumberFormatException e) {
            return false; // an unknown version gets the path that works everywhere
        }
    }

    /** CONFIG GET of each name (exact names, one call each, which every Redis version answers the same way). */
    Map<String, String> get(Collection<String> names) throws ClusterBenchException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : names) {
            Map<String, String> reply = call("CONFIG GET " + name, () -> jedis.configGet(name));
            String value = reply.get(name);
            if (value == null) {
                throw new ClusterBenchException(Kind.REMOTE, server.where() + " does not know the parameter '" + name
                        + "' (CONFIG GET returned nothing; redis_version " + version()
                        + "): remove it from the action or upgrade Redis");
            }
            values.put(name, value);
        }
        return values;
    }

    /**
     * Sets the values: in one CONFIG SET on Redis 7+, which applies all or none; one by one before, restoring the
     * ones already set to {@code previous} when one fails.
     */
    void set(Map<String, String> values, Map<String, String> previous) throws ClusterBenchException {
        if (values.size() > 1 && !setsAtomically()) {
            setOneByOne(values, previous);
        } else {
            setAtomically(values);
        }
    }

    /** One {@code CONFIG SET p1 v1 p2 v2 ...}. */
    void setAtomically(Map<String, String> values) throws ClusterBenchException {
        List<String> pairs = new ArrayList<>();
        values.forEach((name, value) -> {
            pairs.add(name);
            pairs.add(value);
        });
        call("CONFIG SET " + values, () -> jedis.configSet(pairs.toArray(String[]::new)));
    }

    /** One CONFIG SET per parameter; when one fails, the ones already set go back to {@code previous}. */
    void setOneByOne(Map<String, String> values, Map<String, String> previous) throws ClusterBenchException {
        List<String> done = new ArrayList<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            try {
                call("CONFIG SET " + entry.getKey() + " " + entry.getValue(),
                        () -> jedis.configSet(entry.getKey(), entry.getValue()));
                done.add(entry.getKey());
            } catch (ClusterBenchException e) {
                throw new ClusterBenchException(e.kind(), e.getMessage() + "; redis_version " + version()
                        + " sets parameters one at a time (not atomically): " + restore(done, previous), e);
            }
        }
    }

    private String restore(List<String> done, Map<String, String> previous) {
        if (done.isEmpty()) {
            return "none was set before it";
        }
        List<String> failed = new ArrayList<>();
        for (String name : done) {
            try {
                call("CONFIG SET " + name, () -> jedis.configSet(name, previous.get(name)));
            } catch (ClusterBenchException e) {
                failed.add(name + " (" + e.getMessage() + ")");
            }
        }
        return failed.isEmpty() ? "restored " + done + " to " + previous
                : "could not restore " + failed + ": set them back to " + previous + " by hand";
    }

    /** CONFIG REWRITE; a server without a config file is an answer, not an exception. */
    Rewrite rewrite() throws ClusterBenchException {
        try {
            jedis.configRewrite();
            return Rewrite.WRITTEN;
        } catch (JedisDataException e) {
            if (message(e).toLowerCase(Locale.ROOT).contains("without a config file")) {
                return Rewrite.NO_CONFIG_FILE;
            }
            throw failure(e, "CONFIG REWRITE", false, server, secret);
        } catch (RuntimeException e) {
            throw failure(e, "CONFIG REWRITE", false, server, secret);
        } catch (StackOverflowError e) {
            throw tooDeep("CONFIG REWRITE", server);
        }
    }

    @Override
    public void close() {
        try {
            jedis.close();
        } catch (RuntimeException e) {
            // Nothing was pending on this connection; a failing close changes nothing on the server.
        }
    }

    private <T> T call(String doing, JedisCall<T> call) throws ClusterBenchException {
        try {
            return call.run();
        } catch (RuntimeException e) {
            throw failure(e, doing, false, server, secret);
        } catch (StackOverflowError e) {
            throw tooDeep(doing, server);
        }
    }

    /** Jedis reads replies recursively; by the time this runs the stack is unwound, and the reply was no Redis's. */
    private static ClusterBenchException tooDeep(String doing, RedisServer server) {
        return new ClusterBenchException(Kind.REMOTE, "the reply of " + server.where() + " to " + doing + " nests"
                + " arrays too deeply to read (the Redis client ran out of stack): is a Redis server listening there?");
    }

    @FunctionalInterface
    private interface JedisCall<T> {
        T run();
    }

    /** What Jedis threw, as a message that says where and what to do; Redis echoes arguments, so scrub the secret. */
    static ClusterBenchException failure(RuntimeException e, String doing, boolean connecting, RedisServer server,
            Optional<String> secret) {
        String detail = scrub(message(e), secret);
        String upper = detail.toUpperCase(Locale.ROOT);
        if (e instanceof JedisAccessControlException || upper.startsWith("WRONGPASS")
                || upper.startsWith("NOAUTH") || (connecting && upper.contains("AUTH"))) {
            return new ClusterBenchException(Kind.CONNECTION, server.where() + " refused authentication (auth: "
                    + detail + "): check the service's user and password secret");
        }
        if (upper.startsWith("NOPERM")) {
            return new ClusterBenchException(Kind.REMOTE, doing + " is not permitted on " + server.where() + " ("
                    + detail + "): grant the service's ACL user the CONFIG command");
        }
        Throwable cause = rootCause(e);
        if (cause instanceof AnswerTooLargeException || cause instanceof MalformedAnswerException) {
            return new ClusterBenchException(Kind.REMOTE, doing + " failed on " + server.where() + ": "
                    + message(cause) + "; is a Redis server listening there?");
        }
        if (cause instanceof AnswerTooSlowException) {
            return new ClusterBenchException(Kind.CONNECTION, doing + " failed on " + server.where() + ": "
                    + message(cause) + "; the server is overloaded, or is not a Redis server");
        }
        if (e instanceof JedisDataException) {
            return new ClusterBenchException(Kind.REMOTE, doing + " failed on " + server.where() + ": " + detail);
        }
        if (e instanceof JedisConnectionException && rootCause(e) instanceof SocketTimeoutException) {
            return new ClusterBenchException(Kind.CONNECTION, doing + " got no reply from " + server.where()
                    + " within " + TIMEOUT_MILLIS + " ms: the server is overloaded, paused or the network drops"
                    + " packets");
        }
        if (connecting) {
            return new ClusterBenchException(Kind.CONNECTION, "cannot connect to " + server.where() + " (" + detail
                    + "): check that Redis runs there, the address and port, and the firewall");
        }
        return new ClusterBenchException(Kind.CONNECTION, "connection to " + server.where() + " lost during "
                + doing + " (" + detail + "): the server closed it, restarted or died");
    }

    private static String message(Throwable e) {
        Throwable cause = e;
        String text = e.getMessage();
        while ((text == null || text.isBlank()) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            text = cause.getMessage();
        }
        text = text == null ? e.getClass().getSimpleName() : text;
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    static String scrub(String text, Optional<String> secret) {
        return secret.filter(s -> !s.isEmpty()).map(s -> text.replace(s, "***")).orElse(text);
    }
}
