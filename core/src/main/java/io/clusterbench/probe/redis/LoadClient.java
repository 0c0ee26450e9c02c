package io.clusterbench.probe.redis;

import java.io.IOException;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.IntCountsHistogram;
import redis.clients.jedis.Connection;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * One client of the load: one thread, one connection, its own histograms and counters, so that the hot path
 * shares nothing but the batch counter and allocates nothing the probe keeps.
 *
 * <p>A lost connection fails the commands of its batch and is reopened; after
 * {@value #MAX_CONSECUTIVE_FAILURES} connection failures in a row (about 0.7 s against a dead server), or one
 * reconnect that timed out (a hung server), the client gives up, so that a server that died ends the load quickly
 * and what was measured before is kept.
 */
final class LoadClient implements Runnable {
    static final int MAX_CONSECUTIVE_FAILURES = 4;
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 400;

    private final RedisLoad load;
    private final int kinds;
    private final AbstractHistogram[] latencies;
    private final long[] succeeded;
    private final long[] failed;
    /** Commands of each slot in the current batch; reset after every batch. */
    private final int[] inBatch;
    private Connection connection;
    private boolean connected;
    private int consecutiveFailures;
    /** When the client started waiting on the server (a handshake or a batch), or 0 when it is not waiting. */
    private volatile long waitingSince;
    private volatile Socket socket;
    /** Set by the watchdog when it closed the socket, so that the failure is reported as the timeout it was. */
    private volatile boolean timedOut;

    LoadClient(RedisLoad load) {
        this.load = load;
        this.kinds = load.commands.length;
        this.latencies = new AbstractHistogram[kinds];
        for (int slot = 0; slot < kinds; slot++) {
            // Int counts halve the memory of 50 clients x 8 commands; one client cannot record 2^31 values per bucket.
            latencies[slot] = new IntCountsHistogram(RedisLoad.MAX_MICROS, 3);
        }
        this.succeeded = new long[kinds];
        this.failed = new long[kinds];
        this.inBatch = new int[kinds];
    }

    AbstractHistogram[] latencies() {
        return latencies;
    }

    long[] succeeded() {
        return succeeded;
    }

    long[] failed() {
        return failed;
    }

    boolean connected() {
        return connected;
    }

    /** Called by the socket factory: the socket the watchdog closes when a reply is overdue. */
    Socket watchSocket(Socket created) {
        socket = created;
        return created;
    }

    /** Called by the watchdog: closes the socket if the client has waited for the server since before {@code limit}. */
    void closeIfWaitingSince(long limit) {
        long since = waitingSince;
        Socket watched = socket;
        if (since != 0 && since - limit < 0 && watched != null) {
            timedOut = true;
            try {
                watched.close();
            } catch (IOException ignored) {
                // The blocked read fails either way, which is all that closing is for.
            }
        }
    }

    @Override
    public void run() {
        try {
            connection = open();
            connected = true;
        } catch (RuntimeException e) {
            recordConnectionFailure(e, true);
        } finally {
            load.clientReady();
        }
        try {
            load.awaitStart();
            if (connected) {
                loop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeConnection();
        }
    }

    private void loop() throws InterruptedException {
        int pipeline = load.pipeline;
        long requests = load.requests;
        while (!load.shouldStop() && !load.timeIsUp()) {
            if (connection == null && !reconnect()) {
                if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
                    load.errors.add(RedisFailure.UNREACHABLE, "a client of " + load.where + " gave up after its "
                            + "connection failed repeatedly, which ended its part of the load early");
                }
                return;
            }
            long first = load.next.getAndAdd(pipeline);
            int size = pipeline;
            if (requests >= 0) {
                if (first >= requests) {
                    return;
                }
                size = (int) Math.min(pipeline, requests - first);
            }
            sendBatch(first, size);
        }
    }

    /** Sends commands {@code first .. first+size-1} of the run in one round trip and records the outcome. */
    private void sendBatch(long first, int size) {
        KeySpace keys = load.keys;
        int keyCount = keys.size();
        long started = System.nanoTime();
        waitingSince = started | 1;
        try {
            for (int i = 0; i < size; i++) {
                inBatch[(int) ((first + i) % kinds)]++;
            }
            for (int i = 0; i < size; i++) {
                long n = first + i;
                connection.sendCommand(keys.command((int) (n % kinds), (int) ((n / kinds) % keyCount)));
            }
            if (size == 1) {
                readOne(first);
            } else {
                readMany(first, size);
            }
            long micros = Math.min((System.nanoTime() - started) / 1000, RedisLoad.MAX_MICROS);
            for (int slot = 0; slot < kinds; slot++) {
                if (inBatch[slot] > 0) {
                    latencies[slot].recordValueWithCount(micros, inBatch[slot]);
                    succeeded[slot] += inBatch[slot];
                }
            }
            consecutiveFailures = 0;
            load.progress.completed(size);
        } catch (RuntimeException e) {
            failBatch(e, size);
        } finally {
            waitingSince = 0;
            Arrays.fill(inBatch, 0);
        }
    }

    private void readOne(long n) {
        try {
            connection.getOne();
        } catch (JedisDataException e) {
            errorReply((int) (n % kinds), e);
        }
    }

    private void readMany(long first, int size) {
        List<Object> replies = connection.getMany(size);
        for (int i = 0; i < size; i++) {
            if (replies.get(i) instanceof JedisDataException e) {
                errorReply((int) ((first + i) % kinds), e);
            }
        }
    }

    /** An error reply fails one command; the connection stays usable. */
    private void errorReply(int slot, JedisDataException e) {
        inBatch[slot]--;
        failed[slot]++;
        load.progress.failed();
        RedisFailure failure = RedisFailure.of(e, load.where, load.commands[slot].name(), false, load.secret);
        load.errors.add(failure.kind(), failure.message());
    }

    /** A batch lost with its connection (or broken by a protocol error): every command of it failed. */
    private void failBatch(RuntimeException e, int size) {
        RedisFailure failure = classify(e, "the load", false);
        for (int slot = 0; slot < kinds; slot++) {
            failed[slot] += inBatch[slot];
            for (int i = 0; i < inBatch[slot]; i++) {
                load.errors.add(failure.kind(), failure.message());
                load.progress.failed();
            }
        }
        load.progress.completed(size);
        consecutiveFailures++;
        closeConnection();
    }

    /** Reopens the connection, backing off, until it works or too many attempts in a row have failed. */
    private boolean reconnect() throws InterruptedException {
        while (consecutiveFailures < MAX_CONSECUTIVE_FAILURES) {
            long backoff = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.max(0, consecutiveFailures - 1));
            Thread.sleep(backoff);
            if (load.shouldStop() || load.timeIsUp()) {
                return false;
            }
            try {
                connection = open();
                return true;
            } catch (RuntimeException e) {
                consecutiveFailures++;
                if (recordConnectionFailure(e, false).kind().equals(RedisFailure.TIMEOUT)) {
                    // A server that accepts but does not answer costs a full timeout per attempt: one is enough.
                    consecutiveFailures = MAX_CONSECUTIVE_FAILURES;
                }
            }
        }
        return false;
    }

    private Connection open() {
        waitingSince = System.nanoTime() | 1;
        try {
            return load.open(this);
        } finally {
            waitingSince = 0;
        }
    }

    private RedisFailure recordConnectionFailure(RuntimeException e, boolean firstConnect) {
        RedisFailure failure = classify(e, firstConnect ? "connect" : "reconnect", true);
        load.errors.add(failure.kind(), failure.message());
        return failure;
    }

    private RedisFailure classify(RuntimeException e, String doing, boolean connecting) {
        if (timedOut) {
            timedOut = false;
            return RedisFailure.timeout(load.where, doing);
        }
        return RedisFailure.of(e, load.where, doing, connecting, load.secret);
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException ignored) {
                // Closing a connection that already failed can fail too; the failure that matters is recorded.
            }
            connection = null;
            socket = null;
        }
    }
}
