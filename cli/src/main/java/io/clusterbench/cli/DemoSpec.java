package io.clusterbench.cli;

import io.clusterbench.local.LocalCluster;
import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.local.LocalPrometheus;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.local.LocalSshd;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the cluster spec of a demo cluster: its real ports, keys and known_hosts file, and probes and
 * objectives that exercise every part the demo started.
 */
final class DemoSpec {

    /** The spec's trend metrics: probes the demo always starts, and metrics that are not objectives' already. */
    static final List<String> TREND_METRICS = List.of("cache-latency.ops_per_s", "cache-latency.used_memory",
            "lb-latency.requests_per_s", "lb-latency.error_pct");

    private DemoSpec() {
    }

    static String yaml(LocalCluster cluster) {
        LocalRedis redis = cluster.redis();
        LocalNginxBalancer balancer = cluster.balancer();
        Optional<LocalSshd> sshd = cluster.sshd();
        Optional<LocalPrometheus> prometheus = cluster.prometheus();

        List<String> lines = new ArrayList<>();
        lines.add("# Written by `clusterbench demo`: a throwaway local cluster of real servers on 127.0.0.1.");
        lines.add("# The servers stop when the demo ends (unless it runs with --keep).");
        lines.add("cluster: clusterbench-demo");
        sshd.ifPresent(server -> {
            lines.add("hosts:");
            lines.add("  local:");
            lines.add("    address: " + server.host());
            lines.add("    port: " + server.port());
            lines.add("    user: " + quoted(server.user()));
            lines.add("    keyFile: " + quoted(server.clientKey()));
            lines.add("    knownHosts: " + quoted(server.knownHostsFile()));
        });
        lines.add("services:");
        lines.add("  cache: { type: redis, address: " + redis.host() + ", port: " + redis.port() + " }");
        lines.add("  lb: { type: http, url: " + quoted(balancer.url() + "/health") + " }");
        prometheus.ifPresent(server -> lines.add("  metrics: { type: prometheus, url: " + quoted(server.url()) + " }"));
        lines.add("probes:");
        lines.add("  cache-latency: { service: cache, clients: 8, duration: 1s, warmup: 500ms, commands: [get, set] }");
        lines.add("  lb-latency: { service: lb, concurrency: 4, duration: 1s, warmup: 500ms }");
        prometheus.ifPresent(server -> lines.add(
                "  node-up: { service: metrics, query: 'up{job=\"" + LocalPrometheus.NODE_JOB + "\"}' }"));
        sshd.ifPresent(server -> lines.add("  memory: { type: host, hosts: [local] }"));
        lines.add("tuning:");
        lines.add("  - { redis-config: cache, set: { timeout: 300, tcp-keepalive: 300 } }");
        lines.add("objectives:");
        lines.add("  - { metric: cache-latency.get.p99_ms, pass: \"<= 2\", warning: \"<= 5\", weight: 2 }");
        lines.add("  - { metric: lb-latency.p99_ms, pass: \"<= 50\", warning: \"<= 200\" }");
        sshd.ifPresent(server -> lines.add("  - { metric: memory.local.used_pct, pass: \"<= 95\", key: true }"));
        lines.add("score: { pass: 90, warning: 75 }");
        // One probe at a time: on a small machine, probes running side by side steal each other's cores, and
        // the rounds' noise then hides any effect.
        lines.add("settings: { maxParallelProbes: 1 }");
        // Throughput, memory and errors beside the score: what the tuning could move that no objective judges.
        lines.add("trend: { metrics: [" + String.join(", ", TREND_METRICS) + "] }");
        return String.join("\n", lines) + "\n";
    }

    /** A YAML double-quoted scalar, so that paths and names with spaces, colons or quotes stay intact. */
    private static String quoted(Object value) {
        String text = value instanceof Path path ? path.toAbsolutePath().toString() : value.toString();
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
