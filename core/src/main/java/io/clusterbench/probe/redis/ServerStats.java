package io.clusterbench.probe.redis;

import io.clusterbench.result.MetricValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.resps.LatencyLatestInfo;

/** Reads the server's own view of itself: INFO fields, the slow log's length and the latency monitor's events. */
final class ServerStats {
    /** INFO fields published as they are: INFO name, metric name, unit. */
    private static final List<String[]> INFO_FIELDS = List.of(
            new String[] {"used_memory", "used_memory", "bytes"},
            new String[] {"used_memory_rss", "used_memory_rss", "bytes"},
            new String[] {"maxmemory", "maxmemory", "bytes"},
            new String[] {"mem_fragmentation_ratio", "mem_fragmentation_ratio", "ratio"},
            new String[] {"connected_clients", "connected_clients", "count"},
            new String[] {"blocked_clients", "blocked_clients", "count"},
            new String[] {"evicted_keys", "evicted_keys", "count"},
            new String[] {"rejected_connections", "rejected_connections", "count"},
            new String[] {"instantaneous_ops_per_sec", "instantaneous_ops_per_s", "ops/s"});

    private ServerStats() {
    }

    /** The INFO metrics, from the default INFO sections; fields the server does not report are left out. */
    static List<MetricValue> info(Jedis admin) {
        return fromInfo(parseInfo(admin.info()));
    }

    static List<MetricValue> fromInfo(Map<String, String> info) {
        List<MetricValue> metrics = new ArrayList<>();
        for (String[] field : INFO_FIELDS) {
            number(info, field[0]).ifPresent(value -> metrics.add(MetricValue.of(field[1], value, field[2])));
        }
        hitRatio(info).ifPresent(ratio -> metrics.add(MetricValue.of("keyspace_hit_ratio", ratio, "ratio")));
        return metrics;
    }

    /**
     * keyspace_hits / (keyspace_hits + keyspace_misses) since the server started (or its stats were reset); absent
     * when the server has served no key lookup, because 0/0 is no ratio.
     */
    static Optional<Double> hitRatio(Map<String, String> info) {
        OptionalDouble hits = number(info, "keyspace_hits");
        OptionalDouble misses = number(info, "keyspace_misses");
        if (hits.isEmpty() || misses.isEmpty() || hits.getAsDouble() + misses.getAsDouble() == 0) {
            return Optional.empty();
        }
        return Optional.of(hits.getAsDouble() / (hits.getAsDouble() + misses.getAsDouble()));
    }

    /** INFO's {@code field:value} lines; section headers, blank lines and unknown shapes are skipped. */
    static Map<String, String> parseInfo(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (line.isEmpty() || line.startsWith("#") || colon <= 0) {
                continue;
            }
            fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
        return fields;
    }

    private static OptionalDouble number(Map<String, String> info, String field) {
        String value = info.get(field);
        if (value == null) {
            return OptionalDouble.empty();
        }
        try {
            double parsed = Double.parseDouble(value);
            return Double.isFinite(parsed) ? OptionalDouble.of(parsed) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** SLOWLOG LEN: entries in the slow log now, which is capped by slowlog-max-len. */
    static MetricValue slowlogLength(Jedis admin) {
        return MetricValue.of("slowlog_len", admin.slowlogLen(), "count");
    }

    /**
     * One metric per event of LATENCY LATEST, {@code latency_event.EVENT.max_ms}: the largest latency the monitor
     * recorded for the event. The list is empty unless latency-monitor-threshold is set.
     */
    static List<MetricValue> latencyEvents(Jedis admin) {
        List<MetricValue> metrics = new ArrayList<>();
        for (Map.Entry<String, LatencyLatestInfo> event : new TreeMap<>(admin.latencyLatest()).entrySet()) {
            metrics.add(MetricValue.of("latency_event." + event.getKey() + ".max_ms",
                    (double) event.getValue().getMaxEventLatency(), "ms"));
        }
        return metrics;
    }
}
