package io.clusterbench.probe.redis;

import io.clusterbench.net.AnswerTooLargeException;
import io.clusterbench.net.AnswerTooSlowException;
import io.clusterbench.net.MalformedAnswerException;
import io.clusterbench.result.ErrorKind;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A failure met while talking to Redis, as an error kind and a message that says where and what to do.
 *
 * @param kind {@code UNREACHABLE}, {@code TIMEOUT}, {@code AUTH}, {@code REMOTE} or {@code PROTOCOL}
 * @param message what happened, where, and what to do; never a secret
 * @param connectionLost whether the connection is unusable afterwards (it must be reopened)
 */
record RedisFailure(ErrorKind kind, String message, boolean connectionLost) {

    /**
     * Classifies what Jedis threw while connecting ({@code connecting}) or while running {@code doing}.
     *
     * @param where the service and address, for the message
     * @param doing what was being done, such as {@code GET} or {@code INFO}
     * @param secret the password, so that a server that echoes it can never carry it into a message
     */
    static RedisFailure of(RuntimeException e, String where, String doing, boolean connecting,
            Optional<String> secret) {
        String detail = scrub(firstLine(e), secret);
        if (detail.startsWith("NOPERM")) {
            return new RedisFailure(ErrorKind.AUTH, doing + " is not permitted on " + where + " (" + detail
                    + "): grant the service's ACL user that command", false);
        }
        if (e instanceof JedisAccessControlException || (connecting && e instanceof JedisDataException
                && detail.toUpperCase(Locale.ROOT).contains("AUTH"))) {
            return new RedisFailure(ErrorKind.AUTH, where + " refused authentication (" + detail
                    + "): check the service's user and password secret", false);
        }
        Optional<RedisFailure> refused = refusedReply(e, where, doing);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (e instanceof JedisDataException) {
            return new RedisFailure(ErrorKind.REMOTE, doing + " failed on " + where + ": " + detail, false);
        }
        if (e instanceof JedisConnectionException) {
            Throwable cause = rootCause(e);
            Optional<Throwable> refusal = connectFailure(e);
            if (cause instanceof SocketTimeoutException) {
                return timeout(where, doing);
            }
            if (connecting || refusal.isPresent()) {
                return new RedisFailure(ErrorKind.UNREACHABLE, "cannot connect to " + where + " (" + scrub(firstLine(
                        refusal.orElse(cause)), secret) + "): check that Redis runs there, the address and port,"
                        + " and the firewall", true);
            }
            return new RedisFailure(ErrorKind.UNREACHABLE, "connection to " + where + " lost during " + doing + " ("
                    + detail + "): the server closed it, restarted or died", true);
        }
        return new RedisFailure(ErrorKind.PROTOCOL, doing + " on " + where + " failed: " + detail, true);
    }

    /**
     * A reply the connection's guard refused (too large, announced too large, or not ending in time), with the
     * guard's own words; empty for any other failure.
     */
    static Optional<RedisFailure> refusedReply(Throwable e, String where, String doing) {
        Throwable cause = rootCause(e);
        if (cause instanceof AnswerTooLargeException || cause instanceof MalformedAnswerException) {
            return Optional.of(new RedisFailure(ErrorKind.PROTOCOL, doing + " on " + where + " failed: "
                    + firstLine(cause) + "; is a Redis server listening there?", true));
        }
        if (cause instanceof AnswerTooSlowException) {
            return Optional.of(new RedisFailure(ErrorKind.TIMEOUT, doing + " on " + where + " failed: "
                    + firstLine(cause) + "; is a Redis server listening there, and not overloaded?", true));
        }
        return Optional.empty();
    }

    /**
     * A reply nested so deeply that the Redis client's recursive reader ran out of stack: no Redis server sends one
     * (its own replies nest a few levels), so the address is not a Redis server or the server is broken.
     */
    static RedisFailure tooDeep(String where, String doing) {
        return new RedisFailure(ErrorKind.PROTOCOL, "the reply of " + where + " to " + doing + " nests arrays too"
                + " deeply to read (the Redis client ran out of stack): is a Redis server listening there?", true);
    }

    /** Replies that kept coming too slowly to end by a deadline; their socket was closed. */
    static RedisFailure tooSlow(String where, String doing, long deadlineMillis) {
        return new RedisFailure(ErrorKind.TIMEOUT, doing + " on " + where + " did not end within " + deadlineMillis
                + " ms: the replies trickled (is a Redis server listening there?) or the server is overloaded", true);
    }

    /** No reply within the timeout; the connection was closed (by the socket or the load's watchdog). */
    /** A batch of the open model that could not be sent within the timeout of its intended time. */
    static RedisFailure unsent(String where) {
        return new RedisFailure(ErrorKind.TIMEOUT, "could not send to " + where + " within "
                + RedisSettings.TIMEOUT_MILLIS + " ms of the intended time: every connection was waiting for earlier"
                + " replies; lower the rate or add clients", false);
    }

    static RedisFailure timeout(String where, String doing) {
        return new RedisFailure(ErrorKind.TIMEOUT, doing + " got no reply from " + where + " within "
                + RedisSettings.TIMEOUT_MILLIS + " ms: the server is overloaded, paused or the network drops packets",
                true);
    }

    /**
     * The socket's own reason a connection could not be made, if that is what happened: Jedis keeps it as the
     * cause or, when it tried several addresses of a name, as a suppressed exception.
     */
    private static Optional<Throwable> connectFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return Optional.of(t);
            }
            for (Throwable suppressed : t.getSuppressed()) {
                Optional<Throwable> found = connectFailure(suppressed);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    /** Redis echoes arguments in some errors; a password must not reach a report even then. */
    static String scrub(String text, Optional<String> secret) {
        return secret.filter(s -> !s.isEmpty()).map(s -> text.replace(s, "***")).orElse(text);
    }
}
