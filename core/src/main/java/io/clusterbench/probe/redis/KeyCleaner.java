package io.clusterbench.probe.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.ScanResult;

/**
 * Finds and deletes the keys under the probe's prefix with SCAN MATCH and UNLINK (DEL on servers before 4.0), in
 * batches, so that no single command blocks the server and no key outside the prefix is ever touched. It never
 * uses KEYS or FLUSH*.
 */
final class KeyCleaner {
    /** Keys per SCAN step and per UNLINK; small enough that one step never blocks the server noticeably. */
    static final int BATCH = 1000;

    private final Jedis admin;
    private final byte[] pattern;
    private boolean unlinkUnknown;

    KeyCleaner(Jedis admin, String scanPattern) {
        this.admin = admin;
        this.pattern = scanPattern.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether any key exists under the prefix; stops at the first one found. */
    boolean anyKey() {
        byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
        boolean done;
        do {
            ScanResult<byte[]> page = admin.scan(cursor, params());
            if (!page.getResult().isEmpty()) {
                return true;
            }
            cursor = page.getCursorAsBytes();
            done = page.isCompleteIteration();
        } while (!done);
        return false;
    }

    /** Deletes every key under the prefix; returns how many were deleted. */
    long deleteAll() {
        long deleted = 0;
        byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
        boolean done;
        do {
            ScanResult<byte[]> page = admin.scan(cursor, params());
            List<byte[]> keys = page.getResult();
            if (!keys.isEmpty()) {
                deleted += delete(keys.toArray(byte[][]::new));
            }
            cursor = page.getCursorAsBytes();
            done = page.isCompleteIteration();
        } while (!done);
        return deleted;
    }

    private long delete(byte[][] keys) {
        if (!unlinkUnknown) {
            try {
                return admin.unlink(keys);
            } catch (JedisDataException e) {
                if (!e.getMessage().toLowerCase(Locale.ROOT).contains("unknown command")) {
                    throw e;
                }
                unlinkUnknown = true;
            }
        }
        return admin.del(keys);
    }

    private ScanParams params() {
        return new ScanParams().match(pattern).count(BATCH);
    }
}
