package io.clusterbench.spec;

import java.time.Duration;

/** The chroma probe: heartbeat, version and sequential query latency on ChromaDB's v2 API. */
public final class ChromaDescriptor implements ProbeDescriptor {

    public static final Parameter<String> COLLECTION = Parameter.text("collection", ParameterType.Text.any())
            .byDefaultSaid("the service's `collection`");
    public static final Parameter<Long> QUERIES = Parameter.whole("queries", 1, Long.MAX_VALUE).byDefault(100L);
    /** Chroma's own default {@code n_results}. */
    public static final Parameter<Long> N_RESULTS = Parameter.whole("nResults", 1, Long.MAX_VALUE).byDefault(10L)
            .unit("results");
    /**
     * Queries before the measured ones, on the same client and connections, excluded from every metric: the
     * connection opens, and the server's index for the collection is loaded into memory by the first queries (on a
     * fresh Chroma the first query of a collection can take many times the next ones); one second of queries, one
     * after another, covers both and adds one second per probe.
     */
    public static final Parameter<Duration> WARMUP = Parameter.lengthOrZero("warmup").byDefault(Duration.ofSeconds(1));
    public static final Parameter<Duration> TIMEOUT = Parameter.length("timeout").byDefault(Duration.ofSeconds(10));

    private static final ParameterTable TABLE = ParameterTable.builder()
            .add(COLLECTION, QUERIES, WARMUP, LoadParameters.ROUNDS, N_RESULTS, TIMEOUT).build();

    @Override
    public String word() {
        return "chroma";
    }

    @Override
    public ParameterTable parameters() {
        return TABLE;
    }

    @Override
    public MetricNames metrics(ProbeSpec probe) {
        return MetricNames.builder().name("heartbeat_ms", "clock_offset_ms", "version_info", "collection_dimension")
                .latency("query_").name("queries_completed", "queries_failed")
                .warmup("queries").build();
    }
}
