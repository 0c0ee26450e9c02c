package io.clusterbench.tune.restart;

import io.clusterbench.net.BoundedResp;
import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/** PING on a fresh connection: healthy when the server answers PONG. */
final class RedisHealthCheck implements HealthCheck {
    private final String address;
    private final int port;
    private final Optional<String> user;
    private final Optional<String> password;

    RedisHealthCheck(String address, int port, Optional<String> user, Optional<String> password) {
        this.address = address;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    @Override
    public Health check(Duration timeout) {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis).socketTimeoutMillis(millis).clientName("clusterbench")
                // CLIENT SETINFO exists only from Redis 7.2; older servers would answer it with an error.
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
        user.ifPresent(config::user);
        password.ifPresent(config::password);
        // A fresh connection per attempt: one opened before a restart would only report the old server's end.
        try (Jedis jedis = BoundedResp.jedis(new HostAndPort(address, port), config.build(),
                BoundedResp.Limits.small(Duration.ofMillis(millis)))) {
            String answer = jedis.ping();
            return new Health("PONG".equals(answer), "PING to " + where() + " answered " + answer);
        } catch (JedisException e) {
            return new Health(false, "PING to " + where() + ": " + e.getClass().getSimpleName() + " ("
                    + BoundedResp.reason(e) + ")");
        } catch (StackOverflowError e) {
            // Jedis reads replies recursively; the stack is unwound by now. No Redis server nests its PONG.
            return new Health(false, "PING to " + where() + ": the reply nests arrays too deeply to read; is a Redis"
                    + " server listening there?");
        }
    }

    @Override
    public String describe() {
        return "PING to " + where() + " answers PONG";
    }

    private String where() {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }
}
