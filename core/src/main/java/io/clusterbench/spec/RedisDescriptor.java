package io.clusterbench.spec;

import io.clusterbench.spec.ParameterTable.RuleKind;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The redis probe: a command load in the closed model ({@code clients} connections, each sending its next batch when
 * the last was answered), the open model ({@code rate}: ops/s on a fixed schedule over the clients) or a profile of
 * either, plus the server's INFO, slow log and latency events.
 */
public final class RedisDescriptor implements ProbeDescriptor {

    /** The commands the load can send. */
    public static final List<String> COMMANDS_KNOWN = List.of("ping", "get", "set", "incr", "lpush", "rpop", "hset",
            "hget", "fcall");

    /** One thread drives ten connections; past this the load generator measures its own scheduler, not Redis. */
    public static final Parameter<Long> CLIENTS = Parameter.whole("clients", 1, 10_000).byDefault(50L)
            .unit("connections");
    /**
     * Commands a second in the open model, spread evenly over the clients; the same word and bound as http's
     * {@code rate}, already above what one machine's generator sends without pipelining (it reports when it fell
     * behind: {@code generator_late}).
     */
    public static final Parameter<Double> RATE = Parameter.real("rate", new Range(0, false, 1_000_000, true))
            .unit("ops/s");
    /** Steps or a ramp of rate or clients instead of one fixed load; it sets its own length (docs/probes.md). */
    public static final Parameter<LoadProfile> PROFILE = Parameter.profile("profile", new ParameterType.Profile(
            List.of("rate", "clients"), List.of(((ParameterType.Real) RATE.type()).range(), new Range(1, true,
                    10_000, true)), List.of("clients"), false));
    /**
     * The Redis function that {@code fcall} calls, loaded beforehand by the user (the probe loads no code): it is
     * called as {@code FCALL name 1 key value} with a key under the probe's prefix, which the probe deletes afterwards.
     */
    public static final Parameter<String> FUNCTION = Parameter.text("function", new ParameterType.Text(
            java.util.regex.Pattern.compile("[A-Za-z0-9_]+"), "a Redis function name (letters, digits, _)"));
    public static final Parameter<Long> PIPELINE = Parameter.whole("pipeline", 1, 100_000).byDefault(1L)
            .unit("commands");
    /** The default applies only when no {@code duration} is given. */
    public static final Parameter<Long> REQUESTS = Parameter.whole("requests", 1, Long.MAX_VALUE)
            .byDefault(100_000L).unit("commands");
    public static final Parameter<Duration> DURATION = Parameter.length("duration");
    /**
     * Load on the same connections before the measured part, excluded from every metric: the client's JIT reaches
     * its compile thresholds within about 10^4 commands and the TCP and Redis client buffers settle; at the 10^4 to
     * 10^5 ops/s of a small server one second covers that, for one second more per probe.
     */
    public static final Parameter<Duration> WARMUP = Parameter.lengthOrZero("warmup").byDefault(Duration.ofSeconds(1));
    public static final Parameter<List<String>> COMMANDS = Parameter.words("commands", COMMANDS_KNOWN)
            .byDefault(List.of("get", "set"));
    /** Redis' own limit on a string value: 512 MiB. */
    public static final Parameter<Long> VALUE_SIZE = Parameter.whole("valueSize", 1, 512L * 1024 * 1024)
            .byDefault(64L).unit("bytes");
    public static final Parameter<String> KEY_PREFIX = Parameter.text("keyPrefix", ParameterType.Text.any())
            .byDefaultSaid("`clusterbench:<probe id>:<8 hex digits>:`");
    public static final Parameter<Long> DATABASE = Parameter.whole("database", 0, Integer.MAX_VALUE).byDefault(0L);
    public static final Parameter<Boolean> TLS = Parameter.flag("tls").byDefault(false);
    public static final Parameter<String> CAPACITY = CapacityParameters.knob("rate", "clients");

    /** INFO fields the probe publishes, by their metric names. */
    public static final List<String> INFO_METRICS = List.of("used_memory", "used_memory_rss", "maxmemory",
            "mem_fragmentation_ratio", "connected_clients", "blocked_clients", "evicted_keys", "rejected_connections",
            "instantaneous_ops_per_s", "keyspace_hit_ratio");

    /**
     * What the open model adds: the rate the generator really sent, its late sends, and what its clients could carry
     * (the connections, the batch, and the bound Little's law sets with the service time; docs/probes.md).
     */
    public static final List<String> OPEN_METRICS = List.of("sent_per_s", "late_ops", "generator_late", "clients",
            "pipeline", "clients_max_per_s");

    private static final ParameterTable TABLE = ParameterTable.builder()
            .add(CLIENTS, RATE, PROFILE, PIPELINE, REQUESTS, DURATION, WARMUP, LoadParameters.ROUNDS, COMMANDS,
                    FUNCTION, VALUE_SIZE, KEY_PREFIX, DATABASE, TLS, CAPACITY, CapacityParameters.SLO,
                    CapacityParameters.PRECISION, CapacityParameters.BUDGET, CapacityParameters.MAX)
            .rule(RuleKind.AT_MOST_ONE, "rate", "profile")
            .rule(RuleKind.AT_MOST_ONE, "requests", "duration", "profile").build();

    @Override
    public String word() {
        return "redis";
    }

    @Override
    public ParameterTable parameters() {
        return TABLE;
    }

    @Override
    public MetricNames metrics(ProbeSpec probe) {
        MetricNames.Builder names = MetricNames.builder()
                .name("ops_per_s", "ops", "errors", "load_s").latency("").warmup("ops");
        for (String command : new LinkedHashSet<>(COMMANDS.in(probe.parameters()))) {
            names.name(command + ".ops_per_s", command + ".ops", command + ".errors").latency(command + ".");
        }
        boolean open = probe.parameters().has(RATE.name());
        if (probe.parameters().has(PROFILE.name())) {
            LoadProfile profile = PROFILE.optionalIn(probe.parameters()).orElseThrow();
            open = profile.knob().equals(RATE.name());
            List<String> perStep = new java.util.ArrayList<>(List.of(profile.knob(), "s", "ops", "ops_per_s",
                    "errors"));
            perStep.addAll(MetricNames.LATENCY_STATS);
            if (open) {
                perStep.addAll(List.of("sent_per_s", "late_ops"));
            }
            for (int step = 1; step <= profile.levels().size(); step++) {
                names.names("step" + step + ".", perStep);
            }
        }
        if (open) {
            names.names(OPEN_METRICS).latency("service.");
        }
        names.names(INFO_METRICS).name("slowlog_len").pattern("latency_event.", "[a-z0-9-]+", "EVENT", ".max_ms");
        return CapacityParameters.addMetrics(names, probe).build();
    }
}
