package io.clusterbench.tune.vllm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith(METRIC + "{")) {
                Map<String, String> labels = labels(line, METRIC.length() + 1);
                if (labels != null) {
                    sets.add(labels);
                }
            } else if (line.startsWith(METRIC + " ")) {
                sets.add(Map.of());
            }
        }
        return sets;
    }

    /**
     * Reads {@code name="value"} pairs up to the closing brace, undoing the format's escapes ({@code \\},
     * {@code \"}, {@code \n}); null when the line is malformed.
     */
    private static Map<String, String> labels(String line, int start) {
        Map<String, String> labels = new LinkedHashMap<>();
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '}') {
                return labels;
            }
            if (c == ',' || c == ' ') {
                i++;
                continue;
            }
            int equals = line.indexOf('=', i);
            if (equals < 0 || equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
                return null;
            }
            StringBuilder value = new StringBuilder();
            int j = equals + 2;
            while (j < line.length() && line.charAt(j) != '"') {
                char v = line.charAt(j);
                if (v == '\\' && j + 1 < line.length()) {
                    char escaped = line.charAt(++j);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(v);
                }
                j++;
            }
            if (j >= line.length()) {
                return null;
            }
            labels.put(line.substring(i, equals).strip(), value.toString());
            i = j + 1;
        }
        return null;
    }
}
