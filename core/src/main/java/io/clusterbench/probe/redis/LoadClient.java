package io.clusterbench.probe.redis;

import io.clusterbench.result.ErrorKind;
import java.util.Arrays;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * One client of the load: one connection with its own histograms and counters, driven by a {@link LoadDriver}
 * thread in two steps per round, {@link #send()} and {@link #receive()}, so that the hot path shares nothing but
 * the batch counter and allocates nothing the probe keeps.
 *
 * <p>A lost connection fails the commands of its batch and is reopened after a back-off; after
 * {@value #MAX_CONSECUTIVE_FAILURES} connection failures in a row (about 0.7 s against a dead server), or one
 * connect or reconnect that timed out (a hung server; then every client of the load gives up), the client gives
 * up, so that a server that died ends the load quickly and what was measured before is kept. The back-off never
 * blocks the driver: a client waiting for its next attempt simply sends nothing in that round.
 *
 * <p>A batch sent during the warm-up ({@link RedisLoad#measuring()} still false) stays a warm-up batch until its
 * replies are read: it claims its commands from the warm-up's own counter and is recorded apart, in one histogram
 * for all commands, and outside the probe's progress; its errors are logged like any other.
 *
 * <p>In the open model the client sends each batch at its {@link Schedule}'s intended time instead of as soon as
 * the last was answered; a batch that could not start within the timeout of its intended time (the connection was
 * still waiting for earlier replies) fails as a timeout without being sent, as the http probe's open model does.
 *
 * <p>Every batch is also counted in its phase's timeline record ({@link ClientRecord}), without a lock.
 */
final class LoadClient {
    static final int MAX_CONSECUTIVE_FAILURES = 4;
    private static final long FIRST_BACKOFF_NANOS = 100_000_000L;
    private static final long MAX_BACKOFF_NANOS = 400_000_000L;

    private final RedisLoad load;
    private final int kinds;
    private final ClientRecord record;
    /** Commands of each slot in the current batch; reset after every batch. */
    private final int[] inBatch;
    private LoadConnection connection;
    private boolean connected;
    /** Whether the client takes no further part: its work is done, or its connection failed for good. */
    private boolean finished;
    private int consecutiveFailures;
    /** When a client without a connection may try to reopen it ({@link System#nanoTime()}). */
    private long retryAt;
    /** The batch on the wire: its first command number, its size (0 when none) and when it was sent. */
    private long batchFirst;
    private int batchSize;
    private long batchStarted;
    /** When the batch was actually written: its intended start in the open model can be earlier. */
    private long batchSent;
    private boolean batchWarmup;
    private final ReplyWatch watch = new ReplyWatch();
    /** The open model's timetable; null in the closed model. */
    private final Schedule schedule;

    /**
     * @param index the client's number in the load, which staggers its timetable in the open model
     * @param thread the number of the load thread that drives it, whose timeline records it writes
     */
    LoadClient(RedisLoad load, int index, int thread) {
        this.load = load;
        this.schedule = load.open() ? new Schedule(load.clientIntervalNanos(), index, load.clientCount()) : null;
        this.kinds = load.commands.length;
        this.record = new ClientRecord(kinds, load.timeline.warmup(thread), load.timeline.measured(thread));
        this.inBatch = new int[kinds];
    }

    ClientRecord record() {
        return record;
    }

    boolean connected() {
        return connected;
    }

    /** The open model's timetable and counts; null in the closed model. */
    Schedule schedule() {
        return schedule;
    }

    /**
     * When the client next has something to do in the open model: its next intended send, or its next attempt to
     * reconnect when its connection is lost.
     */
    long dueAt() {
        return connection == null ? Math.max(retryAt, schedule.intended()) : schedule.intended();
    }

    boolean finished() {
        return finished;
    }

    /** Whether a batch is on the wire, waiting for {@link #receive()}. */
    boolean sending() {
        return batchSize > 0;
    }

    /** When this client, now without a connection, may next try to reopen it. */
    long retryAt() {
        return retryAt;
    }

    /** What the load's watchdog watches: whether this client has waited too long for the server. */
    ReplyWatch watch() {
        return watch;
    }

    /** Opens the first connection before the clock starts; a client that cannot connect takes no part. */
    void connectFirst() {
        if (load.serverHung()) {
            // The clients of a thread connect one after another: another timeout each would only delay the end.
            RedisFailure failure = RedisFailure.timeout(load.where, "connect");
            load.errors.add(failure.kind(), failure.message());
            finished = true;
            return;
        }
        try {
            connection = open();
            connected = true;
            freed();
        } catch (RuntimeException e) {
            recordConnectionFailure(e, true);
            finished = true;
        }
    }

    /**
     * Claims the next batch and writes it to the socket without waiting for the replies; sends nothing when the
     * count is used up, the connection is waiting for its next attempt, or the client gave up.
     */
    void send() {
        long intended = 0;
        if (schedule != null) {
            schedule.startAt(load.scheduleStart());
            intended = schedule.intended();
            if (load.sendingOver(intended)) {
                finished = true;
                return;
            }
            if (System.nanoTime() - intended < 0) {
                return;
            }
        }
        if (connection == null && !reconnect()) {
            return;
        }
        if (schedule != null) {
            intended = expireOverdue();
            // After a long gap the next batch can lie ahead (a timetable slower than the timeout).
            if (finished || System.nanoTime() - intended < 0) {
                return;
            }
        }
        if (!claim()) {
            return;
        }
        long now = System.nanoTime();
        // The open model measures from the intended start; the watchdog's timeout runs from the real one.
        batchStarted = schedule != null ? intended : now;
        batchSent = now;
        watch.waitingFrom(now);
        if (schedule != null) {
            schedule.sent(now, batchSize, !batchWarmup);
        }
        try {
            for (int i = 0; i < batchSize; i++) {
                long n = batchFirst + i;
                connection.sendCommand(load.keys.command((int) (n % kinds), (int) ((n / kinds) % load.keys.size())));
            }
            connection.flushCommands();
        } catch (RuntimeException e) {
            failBatch(e);
            if (!batchWarmup) {
                load.progress.completed(batchSize);
            }
            endBatch();
        }
    }

    /**
     * Fails, without sending them, the batches of the timetable that could no longer start within the timeout of
     * their intended time, and returns the intended time of the first that still can (or marks the client finished
     * when the load ended on the way).
     */
    private long expireOverdue() {
        long intended = schedule.intended();
        while (System.nanoTime() - intended > RedisLoad.TIMEOUT_NANOS) {
            if (!claim()) {
                return intended;
            }
            for (int slot = 0; slot < kinds; slot++) {
                countFailed(slot, inBatch[slot]);
            }
            RedisFailure unsent = RedisFailure.unsent(load.where);
            load.errors.add(unsent.kind(), unsent.message(), batchSize);
            load.progress.completed(batchWarmup ? 0 : batchSize);
            endBatch();
            schedule.skip();
            intended = schedule.intended();
            if (load.sendingOver(intended)) {
                finished = true;
                return intended;
            }
        }
        return intended;
    }

    /**
     * Claims the next batch from the measured count or the warm-up's, and makes it the batch on the wire; false
     * (and the client finished) when the count is used up.
     */
    private boolean claim() {
        int size = load.pipeline;
        boolean warmup = !load.measuring();
        // The warm-up's counter has no bound, so that a count-bound load still sends exactly its count measured.
        long first = (warmup ? load.warmupNext : load.next).getAndAdd(size);
        if (!warmup && load.requests >= 0) {
            if (first >= load.requests) {
                finished = true;
                return false;
            }
            size = (int) Math.min(size, load.requests - first);
        }
        batchFirst = first;
        batchSize = size;
        batchWarmup = warmup;
        record.offered(size, warmup);
        for (int i = 0; i < size; i++) {
            inBatch[(int) ((first + i) % kinds)]++;
        }
        return true;
    }

    /**
     * Reads the replies of the batch on the wire and records them: every command of the batch gets the latency
     * from just before the batch was written until its last reply was read. Returns the commands done, answered
     * or failed, for the driver to add to the progress (none for a warm-up batch).
     */
    int receive() {
        int size = batchSize;
        boolean warmup = batchWarmup;
        try {
            readReplies(batchFirst, size);
            long answered = System.nanoTime();
            record.answered(answered - batchStarted, inBatch, warmup);
            if (schedule != null && !warmup) {
                record.served(answered - batchSent);
            }
            consecutiveFailures = 0;
        } catch (RuntimeException e) {
            failBatch(e);
        } catch (StackOverflowError e) {
            // Jedis reads replies recursively; the stack is unwound here, and the connection is dropped.
            failBatch(RedisFailure.tooDeep(load.where, "the load"));
        } finally {
            endBatch();
        }
        return warmup ? 0 : size;
    }

    private void endBatch() {
        watch.notWaiting();
        batchSize = 0;
        Arrays.fill(inBatch, 0);
        freed();
    }

    private void freed() {
        if (schedule != null) {
            schedule.free(System.nanoTime());
        }
    }

    private void readReplies(long first, int size) {
        // One reply at a time, as Connection#getMany does, without the list it builds; the commands were flushed.
        for (int i = 0; i < size; i++) {
            try {
                connection.getUnflushedObject();
            } catch (JedisDataException e) {
                errorReply((int) ((first + i) % kinds), e);
            }
        }
    }

    /** An error reply fails one command; the connection stays usable. */
    private void errorReply(int slot, JedisDataException e) {
        inBatch[slot]--;
        countFailed(slot, 1);
        RedisFailure failure = RedisFailure.of(e, load.where, load.commands[slot].name(), false, load.secret);
        load.errors.add(failure.kind(), failure.message());
    }

    /** A batch lost with its connection (or broken by a protocol error): every command of it failed. */
    private void failBatch(RuntimeException e) {
        failBatch(classify(e, "the load", false));
    }

    private void failBatch(RedisFailure failure) {
        for (int slot = 0; slot < kinds; slot++) {
            countFailed(slot, inBatch[slot]);
            for (int i = 0; i < inBatch[slot]; i++) {
                load.errors.add(failure.kind(), failure.message());
            }
        }
        consecutiveFailures++;
        retryAt = System.nanoTime() + backoff();
        closeConnection();
    }

    /** Counts failed commands of the batch on the wire, in the warm-up's record or the measured one. */
    private void countFailed(int slot, int commands) {
        record.failed(slot, commands, batchWarmup);
        for (int i = 0; i < commands && !batchWarmup; i++) {
            load.progress.failed();
        }
    }

    private long backoff() {
        return Math.min(MAX_BACKOFF_NANOS, FIRST_BACKOFF_NANOS << Math.max(0, consecutiveFailures - 1));
    }

    /** Reopens the connection once its back-off is over; gives up after too many failed attempts in a row. */
    private boolean reconnect() {
        if (load.serverHung()) {
            consecutiveFailures = MAX_CONSECUTIVE_FAILURES;
        }
        if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
            giveUp();
            return false;
        }
        if (System.nanoTime() - retryAt < 0) {
            return false;
        }
        try {
            connection = open();
            freed();
            return true;
        } catch (RuntimeException e) {
            consecutiveFailures++;
            if (recordConnectionFailure(e, false).kind() == ErrorKind.TIMEOUT) {
                consecutiveFailures = MAX_CONSECUTIVE_FAILURES;
            }
            if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
                giveUp();
            } else {
                retryAt = System.nanoTime() + backoff();
            }
            return false;
        }
    }

    private void giveUp() {
        finished = true;
        load.errors.add(ErrorKind.UNREACHABLE, "a client of " + load.where + " gave up after its "
                + "connection failed repeatedly, which ended its part of the load early");
    }

    private LoadConnection open() {
        watch.waitingFrom(System.nanoTime());
        try {
            return load.open(this);
        } catch (StackOverflowError e) {
            // The handshake's replies (HELLO, AUTH, SELECT) are read recursively too; the stack is unwound here.
            throw new IllegalStateException("a reply nests arrays too deeply to read (the Redis client ran out of"
                    + " stack): is a Redis server listening there?");
        } finally {
            watch.notWaiting();
        }
    }

    private RedisFailure recordConnectionFailure(RuntimeException e, boolean firstConnect) {
        RedisFailure failure = classify(e, firstConnect ? "connect" : "reconnect", true);
        load.errors.add(failure.kind(), failure.message());
        if (failure.kind() == ErrorKind.TIMEOUT) {
            // A server that accepts but does not answer costs a full timeout per attempt, and a thread's clients
            // try one after another: one timeout ends every client's attempts.
            load.markServerHung();
        }
        return failure;
    }

    private RedisFailure classify(RuntimeException e, String doing, boolean connecting) {
        if (watch.tookTimeout()) {
            return RedisFailure.timeout(load.where, doing);
        }
        return RedisFailure.of(e, load.where, doing, connecting, load.secret);
    }

    void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException ignored) {
                // Closing a connection that already failed can fail too; the failure that matters is recorded.
            }
            connection = null;
            watch.forget();
        }
    }
}
