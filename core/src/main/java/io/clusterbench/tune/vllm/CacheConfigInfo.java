package io.clusterbench.tune.vllm;

import io.clusterbench.metrics.PrometheusText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds {@code vllm:cache_config_info} in the Prometheus text format that vLLM serves on {@code /metrics}: an
 * info-style gauge of value 1 whose labels carry the cache configuration the server started with, e.g.
 * {@code vllm:cache_config_info{block_size="16",gpu_memory_utilization="0.9",...} 1.0}.
 */
final class CacheConfigInfo {
    static final String METRIC = "vllm:cache_config_info";

    private CacheConfigInfo() {
    }

    /** The label sets of every {@value #METRIC} series in the text (one per engine), in order. */
    static List<Map<String, String>> labelSets(String text) {
        List<Map<String, String>> sets = new ArrayList<>();
        for (PrometheusText.Sample sample : PrometheusText.parse(text)) {
            if (sample.name().equals(METRIC)) {
                sets.add(sample.labels());
            }
        }
        return sets;
    }
}
