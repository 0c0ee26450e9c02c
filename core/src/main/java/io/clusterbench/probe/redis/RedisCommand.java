package io.clusterbench.probe.redis;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Protocol;

/** A command the load can send, with the family of keys it works on and how its arguments are built. */
enum RedisCommand {
    PING(Family.NONE),
    GET(Family.STRING),
    SET(Family.STRING),
    INCR(Family.COUNTER),
    LPUSH(Family.LIST),
    RPOP(Family.LIST),
    HSET(Family.HASH),
    HGET(Family.HASH),
    /** A Redis function the user loaded ({@code function:}), given one key under the prefix and the value. */
    FCALL(Family.FUNCTION);

    /** The one hash field the hash commands use, so HGET reads what HSET (or the pre-population) wrote. */
    static final byte[] HASH_FIELD = "f".getBytes(StandardCharsets.US_ASCII);

    /**
     * Which keys a command works on; each family has its own key names under the prefix, because an INCR on a SET
     * value or an LPUSH on a string would be a WRONGTYPE error rather than a measurement.
     */
    enum Family {
        NONE(""),
        STRING("s:"),
        COUNTER("n:"),
        LIST("l:"),
        HASH("h:"),
        FUNCTION("f:");

        private final String tag;

        Family(String tag) {
            this.tag = tag;
        }

        /** The part after the probe's prefix and before the key number, such as {@code s:}. */
        String tag() {
            return tag;
        }
    }

    private final Family family;

    RedisCommand(Family family) {
        this.family = family;
    }

    /** The command as the spec writes it, such as {@code get}. */
    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    Family family() {
        return family;
    }

    /** Whether the command reads a key that must exist beforehand for the measurement to mean anything. */
    boolean readsExistingKey() {
        return this == GET || this == HGET;
    }

    /** The command for a spec word; the spec validator has already refused any other word. */
    static RedisCommand fromWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }

    /**
     * The complete command for one key, built once and sent many times: Jedis only reads it when sending, so one
     * instance serves every client thread and the hot path allocates no arguments.
     *
     * @param function the function FCALL calls; ignored by the other commands
     */
    CommandArguments arguments(byte[] key, byte[] value, String function) {
        return switch (this) {
            case PING -> new CommandArguments(Protocol.Command.PING);
            case GET -> new CommandArguments(Protocol.Command.GET).add(key);
            case SET -> new CommandArguments(Protocol.Command.SET).add(key).add(value);
            case INCR -> new CommandArguments(Protocol.Command.INCR).add(key);
            case LPUSH -> new CommandArguments(Protocol.Command.LPUSH).add(key).add(value);
            case RPOP -> new CommandArguments(Protocol.Command.RPOP).add(key);
            case HSET -> new CommandArguments(Protocol.Command.HSET).add(key).add(HASH_FIELD).add(value);
            case HGET -> new CommandArguments(Protocol.Command.HGET).add(key).add(HASH_FIELD);
            case FCALL -> new CommandArguments(Protocol.Command.FCALL).add(function).add(1).add(key).add(value);
        };
    }
}
