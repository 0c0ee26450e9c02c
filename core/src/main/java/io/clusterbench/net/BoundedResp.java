package io.clusterbench.net;

import java.net.Socket;
import java.time.Duration;
import redis.clients.jedis.DefaultJedisSocketFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisSocketFactory;

/**
 * Redis connections whose every reply is read within a size cap and, where one is given, a deadline: each socket
 * Jedis gets passes its replies through a {@link RespGuard} before Jedis parses them.
 *
 * <p>Every Redis connection of core is made here: the probe's checks, load and cleanup, the tuning's CONFIG GET and
 * SET, the restart health wait, the quiet-cluster check and the cluster lease.
 */
public final class BoundedResp {
    /** The cap on one reply, in all, unless the load's values need more: far above INFO, CONFIG or SCAN replies. */
    public static final long REPLY_CAP_BYTES = 16L * 1024 * 1024;
    /** The cap on one reply of a check whose replies are a few lines (PING, INFO stats, the lease's SET and GET). */
    public static final long SMALL_REPLY_CAP_BYTES = 1024L * 1024;
    /** The cap on the elements the arrays, sets and maps of one reply announce in all: 1,048,576. */
    public static final long ELEMENT_CAP = 1024L * 1024;
    /** Room above a value's own size in a load reply: its header and CRLF, with plenty to spare. */
    private static final long VALUE_OVERHEAD_BYTES = 1024L * 1024;

    /**
     * What one connection's replies may be.
     *
     * @param replyCapBytes the most bytes one reply may take in all (and so the longest bulk string it may announce)
     * @param elementCap the most elements the aggregate headers of one reply may announce in all
     * @param replyDeadline how long a reply may take from its first byte to its last; zero for none (a caller that
     *     bounds its whole wait itself, such as the redis probe's load)
     */
    public record Limits(long replyCapBytes, long elementCap, Duration replyDeadline) {

        /** The default caps with a deadline per reply. */
        public static Limits within(Duration replyDeadline) {
            return new Limits(REPLY_CAP_BYTES, ELEMENT_CAP, replyDeadline);
        }

        /** A cap of {@link #SMALL_REPLY_CAP_BYTES}, for checks that retry often, with a deadline per reply. */
        public static Limits small(Duration replyDeadline) {
            return new Limits(SMALL_REPLY_CAP_BYTES, ELEMENT_CAP, replyDeadline);
        }

        /** The default caps, raised to hold one value of {@code valueBytes}, and no deadline of their own. */
        public static Limits forValues(long valueBytes) {
            return new Limits(Math.max(REPLY_CAP_BYTES, valueBytes + VALUE_OVERHEAD_BYTES), ELEMENT_CAP, Duration.ZERO);
        }
    }

    private BoundedResp() {
    }

    /** Jedis' own socket factory for {@code where}, its sockets' replies bounded by {@code limits}. */
    public static JedisSocketFactory sockets(HostAndPort where, JedisClientConfig config, Limits limits) {
        JedisSocketFactory plain = new DefaultJedisSocketFactory(where, config);
        return () -> guard(plain.createSocket(), limits);
    }

    /** A connected Jedis client for {@code where}, its replies bounded by {@code limits}. */
    public static Jedis jedis(HostAndPort where, JedisClientConfig config, Limits limits) {
        return new Jedis(sockets(where, config, limits), config);
    }

    /**
     * Why a Redis call failed, in a sentence: the guard's own words when it refused a reply (rather than Jedis'
     * wrapping, which starts with the exception's class name), otherwise the exception's message.
     */
    public static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof AnswerTooLargeException || cause instanceof AnswerTooSlowException
                || cause instanceof MalformedAnswerException) {
            return cause.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The socket as Jedis should use it: the same connection, its replies read through a {@link RespGuard}. */
    public static Socket guard(Socket socket, Limits limits) {
        return new RespGuardedSocket(socket, limits);
    }
}
