package io.clusterbench.bench;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.control.ShardRun;
import io.clusterbench.spec.ChromaDescriptor;
import io.clusterbench.spec.HttpDescriptor;
import io.clusterbench.spec.OpenAiDescriptor;
import io.clusterbench.spec.Parameter;
import io.clusterbench.spec.Parameters;
import io.clusterbench.spec.ProbeSpec;
import io.clusterbench.spec.RedisDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A probe's share of the load for one shard: the one place where rate, concurrency and request counts are divided,
 * so that every probe kind reads its own parameters unchanged.
 *
 * <p>The rules (docs/distributed.md): a rate is divided evenly ({@code rate / N}); a whole number (connections,
 * requests, queries) is divided with the remainder going one each to the first shards, so shard shares of 10 over
 * 3 are 4, 3, 3 and always add up to the whole. A share of 0 is refused: that shard would send nothing. Redis keys
 * get a prefix of the shard's own, prompts a seed of the shard's own. Probes that put no load (promql, host, gpu)
 * are measured whole by every shard.
 */
public final class ShardSplit {
    private final ShardRun shard;

    public ShardSplit(ShardRun shard) {
        this.shard = shard;
    }

    /**
     * The probe with this shard's share of its load.
     *
     * @throws ClusterBenchException (USAGE) when the probe cannot be split into this many shards
     */
    public ProbeSpec apply(ProbeSpec probe) throws ClusterBenchException {
        if (shard.count() == 1) {
            return probe;
        }
        Parameters given = probe.parameters();
        if (given.has(HttpDescriptor.CAPACITY.name())) {
            throw refused(probe, "a capacity search cannot be sharded: each step's verdict needs the whole load in"
                    + " one process; run the search unsharded or leave --only out for it");
        }
        Map<String, Object> split = new LinkedHashMap<>(given.asMap());
        switch (probe.kind()) {
            case HTTP -> {
                if (given.has(HttpDescriptor.PROFILE.name())) {
                    throw refused(probe, "a load profile cannot be sharded yet; give rate or concurrency instead");
                }
                divideReal(probe, split, HttpDescriptor.RATE);
                divideWhole(probe, split, HttpDescriptor.CONCURRENCY, null);
                divideWhole(probe, split, HttpDescriptor.REQUESTS, null);
            }
            case REDIS -> {
                divideWhole(probe, split, RedisDescriptor.CLIENTS, RedisDescriptor.CLIENTS.in(given));
                if (!given.has(RedisDescriptor.DURATION.name())) {
                    divideWhole(probe, split, RedisDescriptor.REQUESTS, RedisDescriptor.REQUESTS.in(given));
                }
                // Every shard cleans up the keys under its prefix; siblings must never delete each other's.
                split.put(RedisDescriptor.KEY_PREFIX.name(), RedisDescriptor.KEY_PREFIX.optionalIn(given)
                        .orElse("clusterbench:" + probe.id() + ":" + shard.runId() + ":") + "shard" + shard.index()
                        + ":");
            }
            case OPENAI -> {
                divideWhole(probe, split, OpenAiDescriptor.REQUESTS, OpenAiDescriptor.REQUESTS.in(given));
                divideReal(probe, split, OpenAiDescriptor.REQUEST_RATE);
                divideWhole(probe, split, OpenAiDescriptor.MAX_CONCURRENCY, null);
                // Distinct prompts per shard, still reproducible from the spec's seed and the shard number.
                split.put(OpenAiDescriptor.SEED.name(), OpenAiDescriptor.SEED.in(given)
                        ^ (shard.index() * 0x9E3779B97F4A7C15L));
            }
            case CHROMA -> divideWhole(probe, split, ChromaDescriptor.QUERIES, ChromaDescriptor.QUERIES.in(given));
            case PROMQL, HOST, GPU -> {
                return probe;
            }
            default -> throw new IllegalStateException("no shard rule for probe kind " + probe.kind());
        }
        return new ProbeSpec(probe.id(), probe.kind(), probe.service(), probe.hosts(), new Parameters(split),
                probe.location());
    }

    /**
     * This shard's share of {@code whole} things: the whole divided by the shard count, the remainder one each to
     * the first shards.
     */
    public static long share(long whole, int index, int count) {
        return whole / count + (index <= whole % count ? 1 : 0);
    }

    private void divideWhole(ProbeSpec probe, Map<String, Object> split, Parameter<Long> parameter, Long byDefault)
            throws ClusterBenchException {
        Long whole = split.containsKey(parameter.name()) ? (Long) split.get(parameter.name()) : byDefault;
        if (whole == null) {
            return;
        }
        long mine = share(whole, shard.index(), shard.count());
        if (mine == 0) {
            throw refused(probe, parameter.name() + " " + whole + " cannot be split into " + shard.count()
                    + " shards: shard " + shard.label() + " would get none; use at most " + whole + " shards or"
                    + " raise " + parameter.name());
        }
        split.put(parameter.name(), mine);
    }

    private void divideReal(ProbeSpec probe, Map<String, Object> split, Parameter<Double> parameter) {
        Object whole = split.get(parameter.name());
        if (whole instanceof Number number) {
            split.put(parameter.name(), number.doubleValue() / shard.count());
        }
    }

    private ClusterBenchException refused(ProbeSpec probe, String why) {
        return new ClusterBenchException(Kind.USAGE, probe.location() + ": probe " + probe.id() + ": " + why);
    }
}
