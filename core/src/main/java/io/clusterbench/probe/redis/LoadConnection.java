package io.clusterbench.probe.redis;

import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisSocketFactory;

/**
 * A Jedis connection that can flush its buffered commands without reading a reply, so that one load thread can
 * put the batches of all its connections on the wire before it waits for the first reply.
 */
final class LoadConnection extends Connection {

    LoadConnection(JedisSocketFactory sockets, JedisClientConfig config) {
        super(sockets, config);
    }

    /** Writes the commands sent so far to the socket. */
    void flushCommands() {
        flush();
    }
}
