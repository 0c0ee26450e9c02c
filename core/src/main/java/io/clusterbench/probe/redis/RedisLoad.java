package io.clusterbench.probe.redis;

import io.clusterbench.probe.ErrorLog;
import io.clusterbench.control.ProbeProgress;
import io.clusterbench.control.StopSignal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import io.clusterbench.net.BoundedResp;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisSocketFactory;

/**
 * The closed-model load of one run: {@code clients} connections, each with its own client state, send batches of
 * {@code pipeline} prepared commands until the shared count of commands is used up, the time is over, the stop
 * signal is raised, or their connection keeps failing.
 *
 * <p>Each thread drives up to {@value #CLIENTS_PER_THREAD} clients in rounds ({@link LoadDriver}). Clients claim
 * batches from one counter, so a count-bound run sends exactly {@code requests} commands however
 * fast each client is, and command number {@code n} is always the same command of the mix on the same key: the
 * per-command counts are exact. All connections are opened before the clock starts, as redis-benchmark does.
 *
 * <p>A warm-up of {@code warmup} comes first, on the same connections: without it the first measured commands are
 * the first the JIT and the connections ever saw, which a before/after comparison reads as an effect. Its commands
 * are recorded apart ({@link Warmup}) and the measured window, the count and any time bound start when it ends.
 *
 * <p>The load's sockets have no read timeout (see {@link RedisSettings#loadConfig}); a watchdog thread closes the
 * socket of any client that has waited longer than {@value RedisSettings#TIMEOUT_MILLIS} ms for a reply, which
 * fails its batch as a timeout, so a hung server still ends the load.
 *
 * <p>With a {@code rate} the load is open: each client sends on its own {@link Schedule}, the clients' timetables
 * together making the rate, and one thread drives each client. A thread that drove several would block reading one
 * client's reply while another's batch fell due, which would make a slow server look like a slow generator; with
 * one each, a client whose connection was free is late only when the generator itself was.
 *
 * <p>Each thread also keeps a record of each phase for the load's timeline ({@link LoadTimeline}), which a sampler
 * reads once a second: the hot path takes no lock and shares no counter for it.
 */
final class RedisLoad {
    /** Latencies above an hour are recorded as an hour: no single batch can take that long with 2 s timeouts. */
    static final long MAX_MICROS = 3_600_000_000L;
    private static final long WATCHDOG_PERIOD_MILLIS = 100;
    /**
     * Connections one load thread drives in turn; see {@link LoadDriver} for why not one thread each. Measured with
     * 50 clients on 2 cores: 1 per thread reached 0.81-0.91x redis-benchmark's ops/s, 10 and 25 per thread 1.0-1.6x
     * with about 30% less client CPU per command; 10 keeps 5 threads for 50 clients on machines with more cores.
     */
    static final int CLIENTS_PER_THREAD = 10;
    static final long TIMEOUT_NANOS = TimeUnit.MILLISECONDS.toNanos(RedisSettings.TIMEOUT_MILLIS);

    final KeySpace keys;
    final RedisCommand[] commands;
    final int pipeline;
    final long requests;
    final AtomicLong next = new AtomicLong();
    /** Command numbers of the warm-up, unbounded: its batches never use up the measured count. */
    final AtomicLong warmupNext = new AtomicLong();
    final ProbeProgress progress;
    final ErrorLog errors;
    final String where;
    final Optional<String> secret;
    private final StopSignal stop;
    private final HostAndPort hostAndPort;
    private final JedisClientConfig config;
    private final BoundedResp.Limits limits;
    private final int clients;
    /** The open model's commands a second; 0 in the closed model. */
    private final double rate;
    /** When the timetables start, published to the clients by the start signal. */
    private long scheduleStart;
    private final long durationNanos;
    private final long warmupNanos;
    private final String threadName;
    /** The whole load's timeline, which this load (or this level of a profile) writes. */
    final LoadTimeline timeline;
    private final CountDownLatch ready;
    private final CountDownLatch go = new CountDownLatch(1);
    /** Written before {@link #measuring} is set, which publishes it to the clients. */
    private volatile long deadlineNanos;
    /** False during the warm-up; a batch belongs to the phase in which it was sent. */
    private volatile boolean measuring;
    private volatile boolean aborted;
    /** Set once a connect or reconnect timed out, after which no client tries again. */
    private volatile boolean serverHung;

    /**
     * @param config the load's connection settings, {@link RedisSettings#loadConfig}
     * @param durationNanos how long a time-bound load runs; ignored when {@code settings.countBound()}
     * @param timeline the whole load's timeline: this load starts it unless an earlier level of a profile did
     */
    RedisLoad(RedisSettings settings, KeySpace keys, JedisClientConfig config, long durationNanos,
            ProbeProgress progress, StopSignal stop, ErrorLog errors, Optional<String> secret, String threadName,
            LoadTimeline timeline) {
        this.keys = keys;
        this.commands = settings.commands().toArray(RedisCommand[]::new);
        this.pipeline = settings.pipeline();
        this.requests = settings.requests();
        this.clients = settings.clients();
        this.rate = settings.rate().orElse(0.0);
        this.durationNanos = durationNanos;
        this.warmupNanos = settings.warmup().toNanos();
        this.hostAndPort = settings.hostAndPort();
        this.config = config;
        this.limits = RedisRun.loadLimits(settings);
        this.progress = progress;
        this.stop = stop;
        this.errors = errors;
        this.where = settings.where();
        this.secret = secret;
        this.threadName = threadName;
        this.timeline = timeline;
        this.ready = new CountDownLatch(clients);
    }

    /**
     * What the load measured.
     *
     * @param commands the mix, by slot
     * @param latencies per slot, the round trip of the batch each successful command was in, in µs
     * @param succeeded per slot, commands answered without error
     * @param failed per slot, commands answered with an error or lost with their connection
     * @param connectedClients clients that opened their connection and took part
     * @param elapsedNanos from the end of the warm-up (or the start signal) until the last client ended
     * @param warmup what the warm-up did; empty when it was switched off
     * @param open what the open model sent; empty for the closed model
     */
    record Outcome(List<RedisCommand> commands, List<Histogram> latencies, long[] succeeded, long[] failed,
            int connectedClients, long elapsedNanos, Optional<Warmup> warmup, Optional<Sending> open) {

        long totalSucceeded() {
            long sum = 0;
            for (long n : succeeded) {
                sum += n;
            }
            return sum;
        }

        long totalFailed() {
            long sum = 0;
            for (long n : failed) {
                sum += n;
            }
            return sum;
        }
    }

    /**
     * What the warm-up did, left out of every measured number.
     *
     * @param succeeded commands answered without error
     * @param failed commands answered with an error or lost with their connection
     * @param elapsedNanos from the start signal until the measured part began
     * @param latencies the round trip of each answered command's batch, all commands together, in µs
     */
    record Warmup(long succeeded, long failed, long elapsedNanos, Histogram latencies) {
    }

    /** Runs the load to its end and merges what every client recorded. */
    Outcome run() {
        LoadClient[] workers = new LoadClient[clients];
        int threadCount = open() ? clients : threads(clients);
        Thread[] threads = new Thread[threadCount];
        for (int t = 0; t < threadCount; t++) {
            // Contiguous, balanced shares: the first (clients % threadCount) threads drive one client more.
            int from = (int) ((long) clients * t / threadCount);
            int to = (int) ((long) clients * (t + 1) / threadCount);
            // The clients of one thread share its timeline records: the thread is their only writer.
            for (int i = from; i < to; i++) {
                workers[i] = new LoadClient(this, i, t);
            }
            threads[t] = new Thread(new LoadDriver(this, Arrays.copyOfRange(workers, from, to)), threadName + "-" + t);
            threads[t].setDaemon(true);
        }
        for (Thread thread : threads) {
            thread.start();
        }
        Thread watchdog = new Thread(() -> watch(workers), threadName + "-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        boolean interrupted = false;
        try {
            ready.await();
        } catch (InterruptedException e) {
            interrupted = true;
            aborted = true;
        }
        timeline.start();
        long started = System.nanoTime();
        scheduleStart = started;
        long measured = started;
        if (warmupNanos == 0) {
            timeline.measuringFrom(started);
            startMeasuring(started);
        }
        go.countDown();
        if (warmupNanos > 0) {
            interrupted |= awaitWarmup(started, threads);
            measured = System.nanoTime();
            // Before the clients may send a measured batch: the timeline cuts its warm-up here first.
            timeline.measuringFrom(measured);
            startMeasuring(measured);
        }
        for (Thread thread : threads) {
            interrupted |= joinUninterruptibly(thread);
        }
        long elapsed = System.nanoTime() - measured;
        watchdog.interrupt();
        interrupted |= joinUninterruptibly(watchdog);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return merge(workers, elapsed, warmupNanos == 0 ? -1 : measured - started);
    }

    private void startMeasuring(long now) {
        deadlineNanos = now + durationNanos;
        measuring = true;
    }

    /**
     * Waits out the warm-up, ending it early on a stop or once every client has ended (a dead server); returns
     * whether the thread was interrupted, which aborts the load as a stop would.
     */
    private boolean awaitWarmup(long started, Thread[] threads) {
        long end = started + warmupNanos;
        while (!shouldStop() && Arrays.stream(threads).anyMatch(Thread::isAlive)) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                // Short sleeps: the stop signal cannot wake a sleeper, and a stop must end the run promptly.
                Thread.sleep(Math.min(WATCHDOG_PERIOD_MILLIS, TimeUnit.NANOSECONDS.toMillis(left) + 1));
            } catch (InterruptedException e) {
                aborted = true;
                return true;
            }
        }
        return false;
    }

    /** The threads a load of these settings runs: one a client in the open model, see {@link LoadDriver}. */
    static int threadCount(RedisSettings settings) {
        return settings.open() ? settings.clients() : threads(settings.clients());
    }

    /** Threads that drive {@code clients} connections, each at most {@value #CLIENTS_PER_THREAD}. */
    static int threads(int clients) {
        return (clients + CLIENTS_PER_THREAD - 1) / CLIENTS_PER_THREAD;
    }

    /** Times out waits for a reply, until {@link #run()} interrupts it once every client has ended. */
    private void watch(LoadClient[] workers) {
        while (true) {
            try {
                Thread.sleep(WATCHDOG_PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long limit = System.nanoTime() - TIMEOUT_NANOS;
            for (LoadClient worker : workers) {
                worker.watch().closeIfWaitingSince(limit);
            }
        }
    }

    /** Waits for a client that ends within its timeouts anyway; an interrupt only asks the others to hurry. */
    private boolean joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
                aborted = true;
            }
        }
    }

    /** @param warmupElapsed how long the warm-up ran, or -1 when it was switched off */
    private Outcome merge(LoadClient[] workers, long elapsed, long warmupElapsed) {
        List<Histogram> latencies = new ArrayList<>();
        long[] succeeded = new long[commands.length];
        long[] failed = new long[commands.length];
        int connected = 0;
        for (int slot = 0; slot < commands.length; slot++) {
            Histogram merged = new Histogram(MAX_MICROS, 3);
            for (LoadClient worker : workers) {
                merged.add(worker.record().latencies()[slot]);
                succeeded[slot] += worker.record().succeeded()[slot];
                failed[slot] += worker.record().failed()[slot];
            }
            latencies.add(merged);
        }
        Histogram warmupLatencies = new Histogram(MAX_MICROS, 3);
        long warmupSucceeded = 0;
        long warmupFailed = 0;
        for (LoadClient worker : workers) {
            connected += worker.connected() ? 1 : 0;
            warmupLatencies.add(worker.record().warmupLatencies());
            warmupSucceeded += worker.record().warmupSucceeded();
            warmupFailed += worker.record().warmupFailed();
        }
        Optional<Warmup> warmup = warmupElapsed < 0 ? Optional.empty()
                : Optional.of(new Warmup(warmupSucceeded, warmupFailed, warmupElapsed, warmupLatencies));
        return new Outcome(List.of(commands), latencies, succeeded, failed, connected, elapsed, warmup,
                open() ? Optional.of(Sending.of(workers, deadlineNanos - durationNanos, rate, pipeline))
                        : Optional.empty());
    }

    // ---- what the clients share ----

    /**
     * Opens and authenticates one connection for {@code client}, handing it the socket as soon as it exists so that
     * the watchdog can close it even during the handshake; Jedis exceptions pass through for the caller to classify.
     */
    LoadConnection open(LoadClient client) {
        JedisSocketFactory sockets = BoundedResp.sockets(hostAndPort, config, limits);
        return new LoadConnection(() -> client.watch().watch(sockets.createSocket()), config);
    }

    /** Called by each client once it has its connection (or has given up on it). */
    void clientReady() {
        ready.countDown();
    }

    /** Blocks a client until every client is connected and the clock has started. */
    void awaitStart() throws InterruptedException {
        go.await();
    }

    /** Whether the load runs in the open model. */
    boolean open() {
        return rate > 0;
    }

    int clientCount() {
        return clients;
    }

    /** The open model's interval between two batches of one client: the rate spread over the clients. */
    double clientIntervalNanos() {
        return clients * (double) pipeline * 1e9 / rate;
    }

    /** When the clients' timetables start; read by the clients after the start signal, which publishes it. */
    long scheduleStart() {
        return scheduleStart;
    }

    /** Whether a time-bound open load sends no batch meant to start at {@code intended}: its time is over then. */
    boolean sendingOver(long intended) {
        return requests < 0 && measuring && intended - deadlineNanos >= 0;
    }

    boolean shouldStop() {
        return aborted || stop.raised();
    }

    /** Called by a client whose connect or reconnect timed out: the server accepts but does not answer. */
    void markServerHung() {
        serverHung = true;
    }

    boolean serverHung() {
        return serverHung;
    }

    /** Whether the warm-up is over: batches sent from now on are measured. */
    boolean measuring() {
        return measuring;
    }

    /** Whether a time-bound load is over; always false for a count-bound one and during the warm-up. */
    boolean timeIsUp() {
        return requests < 0 && measuring && System.nanoTime() - deadlineNanos >= 0;
    }
}
