package io.clusterbench.bench;

import io.clusterbench.control.ShardRun;
import io.clusterbench.result.ShardMark;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.ProbeSpec;
import io.clusterbench.spec.Workloads;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mark a shard writes into its result.json: which shard, of which run, from which machine. */
final class ShardMarks {

    private ShardMarks() {
    }

    static ShardMark of(ShardRun shard, ClusterSpec spec, List<ProbeSpec> wholeProbes) {
        Map<String, String> workloads = new LinkedHashMap<>();
        wholeProbes.forEach(probe -> workloads.put(probe.id(), Workloads.of(spec, probe)));
        return new ShardMark(shard.index(), shard.count(), shard.runId(), hostName(), shard.clock().orElse(null),
                workloads);
    }

    /** This machine's name as the report shows it; its address where it has no name that resolves. */
    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String fromEnvironment = System.getenv("HOSTNAME");
            return fromEnvironment == null || fromEnvironment.isBlank() ? "unknown host" : fromEnvironment;
        }
    }
}
