package io.clusterbench.probe.redis;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread of the load, driving a few clients in rounds: it writes the next batch of every client, then reads
 * the replies of every client in the same order, and starts the next round.
 *
 * <p>Why not one thread per client: on a machine with few cores, a thread per connection costs a context switch and
 * a wake-up per round trip, paid by the load generator and by the server, which wakes the thread in its
 * {@code write}; a thread that has already sent its other clients' batches usually finds their replies waiting and
 * reads them without sleeping. Each client keeps its own latency (from just before its batch was written until its
 * last reply was read), which includes at most the few microseconds the thread spends writing the later clients'
 * batches and reading the earlier clients' replies, as redis-benchmark's single event loop does too.
 */
final class LoadDriver implements Runnable {
    /** Longest sleep while every client of the thread waits to reconnect, so that a stop is seen promptly. */
    private static final long MAX_IDLE_MILLIS = 50;

    private final RedisLoad load;
    private final LoadClient[] clients;

    LoadDriver(RedisLoad load, LoadClient[] clients) {
        this.load = load;
        this.clients = clients;
    }

    @Override
    public void run() {
        try {
            for (LoadClient client : clients) {
                try {
                    client.connectFirst();
                } finally {
                    load.clientReady();
                }
            }
            load.awaitStart();
            if (load.open()) {
                loopOpen();
            } else {
                loop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (StackOverflowError e) {
            // A backstop: the clients catch it where Jedis reads; should one escape, only this thread's clients end.
            RedisFailure failure = RedisFailure.tooDeep(load.where, "the handshake");
            load.errors.add(failure.kind(), failure.message());
        } finally {
            for (LoadClient client : clients) {
                client.closeConnection();
            }
        }
    }

    private void loop() throws InterruptedException {
        while (!load.shouldStop() && !load.timeIsUp()) {
            boolean sent = false;
            for (LoadClient client : clients) {
                if (!client.finished()) {
                    client.send();
                    sent |= client.sending();
                }
            }
            if (sent) {
                receiveAll();
            } else if (!waitForReconnect()) {
                return;
            }
        }
    }

    /** Reads the replies of every client that sent a batch, with one update of the shared progress for them all. */
    private void receiveAll() {
        long done = 0;
        for (LoadClient client : clients) {
            if (client.sending()) {
                done += client.receive();
            }
        }
        load.progress.completed(done);
    }

    /**
     * The open model: sends each client's batch when it falls due, reads its replies, and otherwise parks until the
     * next is due. Ends when every client has finished (its timetable passed the end, or it gave up).
     */
    private void loopOpen() {
        while (!load.shouldStop()) {
            boolean sent = false;
            boolean active = false;
            long wake = Long.MAX_VALUE;
            for (LoadClient client : clients) {
                if (!client.finished()) {
                    client.send();
                    sent |= client.sending();
                }
                if (!client.finished() && !client.sending()) {
                    active = true;
                    wake = Math.min(wake, client.dueAt());
                }
            }
            if (sent) {
                receiveAll();
            } else if (!active) {
                return;
            } else {
                // Bounded, so that a stop is seen promptly however far off the next send is.
                LockSupport.parkNanos(Math.min(wake - System.nanoTime(),
                        TimeUnit.MILLISECONDS.toNanos(MAX_IDLE_MILLIS)));
            }
        }
    }

    /** Sleeps until the first client may try to reconnect; false when every client has finished. */
    private boolean waitForReconnect() throws InterruptedException {
        long now = System.nanoTime();
        long wait = Long.MAX_VALUE;
        for (LoadClient client : clients) {
            if (!client.finished()) {
                wait = Math.min(wait, client.retryAt() - now);
            }
        }
        if (wait == Long.MAX_VALUE) {
            return false;
        }
        if (wait > 0) {
            Thread.sleep(Math.min(MAX_IDLE_MILLIS, TimeUnit.NANOSECONDS.toMillis(wait) + 1));
        }
        return true;
    }
}
