package io.clusterbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.control.ShardRun;
import io.clusterbench.spec.Parameters;
import io.clusterbench.spec.ProbeKind;
import io.clusterbench.spec.ProbeSpec;
import io.clusterbench.spec.SpecLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShardSplitTest {

    @Test
    void wholeSharesAddUpToTheWholeWithTheRemainderOnTheFirstShards() {
        List<Long> shares = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            shares.add(ShardSplit.share(10, i, 3));
        }

        assertThat(shares).containsExactly(4L, 3L, 3L);
        assertThat(shares.stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
    }

    @Test
    void httpShardSendsItsShareOfRateAndRequests() throws ClusterBenchException {
        ProbeSpec probe = probe(ProbeKind.HTTP, Map.of("rate", 1000.0, "requests", 10_001L));

        Parameters mine = new ShardSplit(shard(2, 4)).apply(probe).parameters();

        assertThat(mine.optionalDouble("rate")).hasValue(250.0);
        assertThat(mine.optionalLong("requests")).hasValue(2_500L);
    }

    @Test
    void redisShardsSplitTheDefaultClientsAndRequestsAndKeepKeysApart() throws ClusterBenchException {
        ProbeSpec probe = probe(ProbeKind.REDIS, Map.of());

        Parameters first = new ShardSplit(shard(1, 3)).apply(probe).parameters();
        Parameters second = new ShardSplit(shard(2, 3)).apply(probe).parameters();

        assertThat(first.optionalLong("clients")).hasValue(17L);
        assertThat(second.optionalLong("clients")).hasValue(17L);
        assertThat(first.optionalLong("requests")).hasValue(33_334L);
        assertThat(first.optionalString("keyPrefix")).hasValue("clusterbench:p:run-7:shard1:");
        assertThat(second.optionalString("keyPrefix")).hasValue("clusterbench:p:run-7:shard2:");
    }

    @Test
    void openAiShardsGetSeedsOfTheirOwn() throws ClusterBenchException {
        ProbeSpec probe = probe(ProbeKind.OPENAI, Map.of("seed", 7L));

        long first = new ShardSplit(shard(1, 2)).apply(probe).parameters().optionalLong("seed").orElseThrow();
        long second = new ShardSplit(shard(2, 2)).apply(probe).parameters().optionalLong("seed").orElseThrow();

        assertThat(first).isNotEqualTo(second).isNotEqualTo(7L);
    }

    @Test
    void refusesAShardThatWouldSendNothing() {
        ProbeSpec probe = probe(ProbeKind.HTTP, Map.of("concurrency", 2L));

        assertThatThrownBy(() -> new ShardSplit(shard(3, 3)).apply(probe))
                .hasMessageContaining("concurrency 2 cannot be split into 3 shards: shard 3/3 would get none");
    }

    private static ShardRun shard(int index, int count) {
        return new ShardRun(index, count, "run-7", Optional.empty(), Optional.empty());
    }

    private static ProbeSpec probe(ProbeKind kind, Map<String, Object> parameters) {
        return new ProbeSpec("p", kind, Optional.of("svc"), List.of(), new Parameters(parameters),
                new SpecLocation("cluster.yaml", 3, 5));
    }
}
