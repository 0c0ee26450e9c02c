/**
 * The redis probe: a closed-model load of Jedis connections (each thread driving up to ten in rounds) over a
 * bounded key space under the probe's own prefix, per-command latency histograms and throughput, the server's
 * INFO, slow log and latency events, and the deletion of every key it wrote. The entry point is
 * {@link io.clusterbench.probe.redis.RedisProbe}.
 */
package io.clusterbench.probe.redis;
