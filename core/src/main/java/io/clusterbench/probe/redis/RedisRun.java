package io.clusterbench.probe.redis;

import io.clusterbench.net.BoundedResp;
import io.clusterbench.net.StreamWatchdog;
import io.clusterbench.probe.LatencyMetrics;
import io.clusterbench.probe.MeasurementBuilder;
import io.clusterbench.probe.ProbeContext;
import io.clusterbench.probe.WarmupMetrics;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * One run of the redis probe, phase by phase: connect and read INFO, make sure the prefix is free, pre-populate
 * the keys that reads need, run the load, read the slow log and latency events, and delete every key under the
 * prefix. Failures are recorded and the run goes on as far as it can; cleanup runs whenever anything was written.
 */
final class RedisRun {
    private static final int PREPOPULATE_BATCH = 1000;
    /** How long the handshake, PING and INFO may take together, however the server trickles its replies. */
    static final Duration CHECKS_DEADLINE = Duration.ofMillis(2L * RedisSettings.TIMEOUT_MILLIS);

    private final ProbeContext context;
    private final RedisSettings settings;
    private final MeasurementBuilder measurement;
    private final Optional<String> secret;
    private final JedisClientConfig config;
    private final KeySpace keys;

    RedisRun(ProbeContext context, RedisSettings settings, MeasurementBuilder measurement, Optional<String> secret) {
        this.context = context;
        this.settings = settings;
        this.measurement = measurement;
        this.secret = secret;
        this.config = settings.clientConfig(secret);
        this.keys = KeySpace.of(settings);
    }

    ProbeMeasurement execute() {
        List<MetricValue> info = new ArrayList<>();
        // The socket's read timeout restarts with every byte, so a reply trickled a byte at a time would hold the
        // probe for ever: the handshake, PING and INFO must end within two timeouts, or their socket is closed.
        JedisSocketFactory sockets = BoundedResp.sockets(settings.hostAndPort(), config, checkLimits());
        List<StreamWatchdog.Watch> watches = new ArrayList<>(1);
        try (StreamWatchdog deadline = StreamWatchdog.deadlinesOnly("clusterbench-redis-" + context.probe().id()
                + "-deadline"); Jedis admin = new Jedis(() -> watched(sockets.createSocket(), deadline, watches),
                config)) {
            admin.ping();
            info.addAll(readInfo(admin));
            watches.forEach(StreamWatchdog.Watch::close);
            if (settings.prefixChosen() && new KeyCleaner(admin, keys.scanPattern()).anyKey()) {
                return measurement.fail(ErrorKind.REFUSED, "keys under keyPrefix '" + settings.keyPrefix()
                        + "' already exist on " + settings.where() + "; the probe deletes every key under its prefix"
                        + " afterwards, so give a prefix no other program uses (or leave keyPrefix out)");
            }
        } catch (RuntimeException e) {
            RedisFailure failure = watches.stream().anyMatch(StreamWatchdog.Watch::timedOut)
                    ? RedisFailure.tooSlow(settings.where(), "the handshake, PING and INFO", CHECKS_DEADLINE.toMillis())
                    : RedisFailure.of(e, settings.where(), "connect", true, secret);
            return measurement.fail(failure.kind(), failure.message());
        } catch (StackOverflowError e) {
            // Jedis reads replies recursively; the stack is unwound by now, so the probe can report and go on.
            RedisFailure failure = RedisFailure.tooDeep(settings.where(), "PING, INFO or SCAN");
            return measurement.fail(failure.kind(), failure.message());
        }
        try {
            if (!context.stop().raised() && prepopulate() && !context.stop().raised()) {
                runLoad();
            }
        } finally {
            measurement.metrics(info);
            afterLoad();
        }
        return measurement.finish();
    }

    /** The probe's own connections: the default caps, and each reply whole within the client's timeout. */
    static BoundedResp.Limits checkLimits() {
        return BoundedResp.Limits.within(Duration.ofMillis(RedisSettings.TIMEOUT_MILLIS));
    }

    /** The load's connections: caps that hold its values; the load's watchdog bounds each batch's wait. */
    static BoundedResp.Limits loadLimits(RedisSettings settings) {
        return BoundedResp.Limits.forValues(settings.valueSize());
    }

    private static Socket watched(Socket created, StreamWatchdog deadline, List<StreamWatchdog.Watch> watches) {
        watches.add(deadline.watch(created, System.nanoTime() + CHECKS_DEADLINE.toNanos()));
        return created;
    }

    private List<MetricValue> readInfo(Jedis admin) {
        try {
            return ServerStats.info(admin);
        } catch (JedisDataException e) {
            record(e, "INFO");
            return List.of();
        }
    }

    /** Gives every key that GET or HGET will read a value; false when the connection failed on the way. */
    private boolean prepopulate() {
        List<CommandArguments> writes = keys.prepopulation(settings.commands());
        if (writes.isEmpty()) {
            return true;
        }
        try (Connection connection = new Connection(BoundedResp.sockets(settings.hostAndPort(), config,
                loadLimits(settings)), config)) {
            for (int from = 0; from < writes.size() && !context.stop().raised(); from += PREPOPULATE_BATCH) {
                int to = Math.min(writes.size(), from + PREPOPULATE_BATCH);
                for (CommandArguments write : writes.subList(from, to)) {
                    connection.sendCommand(write);
                }
                for (Object reply : connection.getMany(to - from)) {
                    if (reply instanceof JedisDataException e) {
                        record(e, "writing the keys the load reads");
                    }
                }
            }
            return true;
        } catch (RuntimeException e) {
            record(e, "writing the keys the load reads");
            return false;
        }
    }

    private void runLoad() {
        if (settings.countBound()) {
            context.progress().expect(settings.requests());
        }
        long durationNanos = settings.duration().map(Duration::toNanos).orElse(0L);
        String threadName = "clusterbench-redis-" + context.probe().id();
        // One timeline for the whole load, every level of a profile included.
        LoadTimeline timeline = LoadTimeline.of(settings, context.clock(), threadName);
        RedisLoad.Outcome outcome = settings.profile().isPresent()
                ? new ProfiledLoad(settings, keys, settings.loadConfig(secret), context.progress(), context.stop(),
                        measurement.errors(), secret, threadName, timeline).run(measurement)
                : new RedisLoad(settings, keys, settings.loadConfig(secret), durationNanos, context.progress(),
                        context.stop(), measurement.errors(), secret, threadName, timeline).run();
        measurement.timeline(timeline.finish());
        if (outcome != null && outcome.connectedClients() > 0) {
            measurement.metrics(loadMetrics(outcome));
            addLatencies(outcome);
        }
    }

    /** Throughput counts only answered commands; a load that answered none has no throughput (NODATA). */
    static List<MetricValue> loadMetrics(RedisLoad.Outcome outcome) {
        List<MetricValue> metrics = new ArrayList<>();
        double seconds = outcome.elapsedNanos() / 1e9;
        long succeeded = outcome.totalSucceeded();
        if (succeeded > 0 && seconds > 0) {
            metrics.add(MetricValue.of("ops_per_s", succeeded / seconds, "ops/s"));
            for (int slot = 0; slot < outcome.commands().size(); slot++) {
                metrics.add(MetricValue.of(outcome.commands().get(slot).word() + ".ops_per_s",
                        outcome.succeeded()[slot] / seconds, "ops/s"));
            }
        }
        metrics.add(MetricValue.of("ops", succeeded, "count"));
        metrics.add(MetricValue.of("errors", outcome.totalFailed(), "count"));
        for (int slot = 0; slot < outcome.commands().size(); slot++) {
            String word = outcome.commands().get(slot).word();
            metrics.add(MetricValue.of(word + ".ops", outcome.succeeded()[slot], "count"));
            metrics.add(MetricValue.of(word + ".errors", outcome.failed()[slot], "count"));
        }
        metrics.add(MetricValue.of("load_s", seconds, "s"));
        outcome.open().ifPresent(sending -> metrics.addAll(openMetrics("", sending, true)));
        // As ops counts answered commands, warmup.ops does too.
        outcome.warmup().ifPresent(warmup -> metrics.addAll(WarmupMetrics.of("ops", warmup.succeeded(),
                warmup.failed(), warmup.elapsedNanos() / 1e9, warmup.latencies())));
        return metrics;
    }

    /**
     * The open model's metrics: the rate really sent and the late sends; {@code generator_late} only for the whole
     * load, as the http probe writes it, and with it what the clients could carry: the service time and the bound
     * it sets (docs/probes.md), which tells a rate too high for the clients from a slow server.
     */
    static List<MetricValue> openMetrics(String prefix, Sending sending, boolean whole) {
        List<MetricValue> metrics = new ArrayList<>();
        metrics.add(MetricValue.of(prefix + "sent_per_s", sending.sentPerSecond(), "ops/s"));
        metrics.add(MetricValue.of(prefix + "late_ops", sending.late(), "count"));
        if (whole) {
            metrics.add(MetricValue.of(prefix + "generator_late", sending.generatorLate(), "count"));
            metrics.addAll(LatencyMetrics.of("service.", sending.service()));
            metrics.add(MetricValue.of("clients", sending.clients(), "connections"));
            metrics.add(MetricValue.of("pipeline", sending.pipeline(), "commands"));
            sending.carriedAtMost().ifPresent(most -> metrics.add(MetricValue.of("clients_max_per_s", most,
                    "ops/s")));
        }
        return metrics;
    }

    private void addLatencies(RedisLoad.Outcome outcome) {
        Histogram all = new Histogram(RedisLoad.MAX_MICROS, 3);
        outcome.latencies().forEach(all::add);
        measurement.latency("all", "", all);
        for (int slot = 0; slot < outcome.commands().size(); slot++) {
            String word = outcome.commands().get(slot).word();
            measurement.latency(word, word + ".", outcome.latencies().get(slot));
        }
    }

    /** Reads what the load left in the server's logs and deletes the probe's keys, on a fresh connection. */
    private void afterLoad() {
        Jedis admin;
        try {
            admin = BoundedResp.jedis(settings.hostAndPort(), config, checkLimits());
        } catch (RuntimeException e) {
            cleanupFailed(RedisFailure.of(e, settings.where(), "connect", true, secret));
            return;
        }
        try (admin) {
            try {
                measurement.metrics(List.of(ServerStats.slowlogLength(admin)));
                measurement.metrics(ServerStats.latencyEvents(admin));
            } catch (JedisDataException e) {
                record(e, "SLOWLOG LEN / LATENCY LATEST");
            }
            new KeyCleaner(admin, keys.scanPattern()).deleteAll();
        } catch (RuntimeException e) {
            cleanupFailed(RedisFailure.of(e, settings.where(), "cleanup", false, secret));
        }
    }

    private void cleanupFailed(RedisFailure failure) {
        measurement.error(failure.kind(), failure.message() + "; after the load, so keys under '"
                + settings.keyPrefix() + "' may remain: delete them with redis-cli --scan --pattern '"
                + keys.scanPattern() + "' | xargs redis-cli unlink");
    }

    private void record(RuntimeException e, String doing) {
        RedisFailure failure = RedisFailure.of(e, settings.where(), doing, false, secret);
        measurement.error(failure.kind(), failure.message());
    }
}
