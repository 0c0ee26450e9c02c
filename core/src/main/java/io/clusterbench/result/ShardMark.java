package io.clusterbench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Objects;

/**
 * Which part of a sharded run a result is: shard {@code index} of {@code count}, of the run {@code runId} that all
 * shards share, sent from {@code host}.
 *
 * @param index the shard's number, from 1
 * @param count how many shards the run has
 * @param runId the id all shards of the run share; the merged run takes it
 * @param host the machine that sent this shard's load (its host name)
 * @param clock the shard's clock against the coordinator's, or null when none was read
 * @param wholeWorkloads each probe's workload hash before the split (the whole run's load), so that the merged run
 *     is compared with unsharded runs of the same load and a shard is never compared with a whole run
 */
public record ShardMark(int index, int count, String runId, String host,
        @JsonInclude(JsonInclude.Include.NON_NULL) ClockOffset clock, Map<String, String> wholeWorkloads) {

    public ShardMark {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(host, "host");
        wholeWorkloads = wholeWorkloads == null ? Map.of() : Map.copyOf(wholeWorkloads);
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is i/N with 1 <= i <= N, got " + index + "/" + count);
        }
    }

    /** {@code i/N}. */
    public String label() {
        return index + "/" + count;
    }
}
