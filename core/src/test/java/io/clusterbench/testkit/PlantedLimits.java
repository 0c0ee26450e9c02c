package io.clusterbench.testkit;

import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.local.LocalServerException;
import java.io.IOException;
import java.nio.file.Files;
import redis.clients.jedis.Jedis;

/**
 * Capacities planted in real servers, known in advance, for searches to find: core's capacity tests judge the search
 * by them, and the cli's browser test draws a real search's chart from them.
 */
public final class PlantedLimits {

    private PlantedLimits() {
    }

    /**
     * Makes the balancer answer at most {@code perSecond} requests a second and 503 to the rest: nginx's
     * {@code limit_req} (a leaky bucket over all clients, keyed by the listening port) with a burst of 10 to absorb
     * the scheduling jitter of the load generator (a stall of 100 ms at the limit), so the true capacity is
     * {@code perSecond}: a load 10% above it fails about 4% of its requests over a 1.5 s step.
     */
    public static void limitRequests(LocalNginxBalancer nginx, int perSecond) throws IOException, LocalServerException {
        String config = Files.readString(nginx.configFile());
        String limited = config.replaceFirst("http \\{\n", "http {\n    limit_req_zone \\$server_port zone=planted:1m"
                + " rate=" + perSecond + "r/s;\n    limit_req_status 503;\n")
                .replace("            proxy_pass http://upstreams;\n", "            limit_req zone=planted burst=10"
                        + " nodelay;\n            proxy_pass http://upstreams;\n");
        if (limited.equals(config)) {
            throw new IllegalStateException("the balancer's nginx.conf has changed shape; update PlantedLimits");
        }
        Files.writeString(nginx.configFile(), limited);
        nginx.reload();
    }

    /** The Redis function that {@link #limitRedisCalls} loads. */
    public static final String REDIS_FUNCTION = "planted_limit";

    /**
     * Loads a Redis function, {@value #REDIS_FUNCTION}, that answers at most {@code perSecond} calls a second over
     * all clients and an error to the rest: the same leaky bucket as nginx's {@code limit_req} (each call adds one,
     * the bucket drains at the rate, a call that would overfill a bucket of {@code burst} is refused), kept in one
     * hash and timed with the server's TIME. So the true capacity is {@code perSecond}, exactly.
     *
     * <p>Why a rate limit rather than a known server time per call (a Lua busy-wait, DEBUG SLEEP): on the machines
     * that run these tests a busy-wait of 2 ms cost 2.9-3.1 ms per call at a load average of 14 on 2 cores, because
     * the server is preempted in the middle of it; a limit kept by the clock holds whatever the machine's load, as
     * long as the server answers a few hundred calls a second, which it does on any machine.
     */
    public static void limitRedisCalls(LocalRedis redis, int perSecond, int burst) {
        String library = """
                #!lua name=planted
                local function limit(keys, args)
                  local t = redis.call('TIME')
                  local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
                  local state = redis.call('HMGET', 'planted:bucket', 'level', 'at')
                  local level = tonumber(state[1]) or 0
                  local at = tonumber(state[2]) or now
                  level = math.max(0, level - (now - at) * %d / 1000000)
                  if level + 1 > %d then
                    redis.call('HSET', 'planted:bucket', 'level', level, 'at', now)
                    return redis.error_reply('LIMITED the planted limit of %d calls/s')
                  end
                  redis.call('HSET', 'planted:bucket', 'level', level + 1, 'at', now)
                  return 1
                end
                redis.register_function('%s', limit)
                """.formatted(perSecond, burst, perSecond, REDIS_FUNCTION);
        try (Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
            jedis.functionLoadReplace(library);
        }
    }
}
