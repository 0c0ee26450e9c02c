package io.clusterbench.probe.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerMetricsWatchTest {

    @Test
    void sumsQueuesOverEnginesAndTakesTheFullestKvCacheOfTheModel() {
        ServerMetricsWatch.Snapshot snapshot = ServerMetricsWatch.parse("""
                vllm:num_requests_running{engine="0",model_name="m"} 2.0
                vllm:num_requests_running{engine="1",model_name="m"} 3.0
                vllm:num_requests_running{engine="0",model_name="other"} 40.0
                vllm:num_requests_waiting{engine="0",model_name="m"} 1.0
                vllm:kv_cache_usage_perc{engine="0",model_name="m"} 0.25
                vllm:kv_cache_usage_perc{engine="1",model_name="m"} 0.5
                vllm:kv_cache_usage_perc{engine="0",model_name="other"} 0.99
                vllm:cache_config_info{block_size="16",gpu_memory_utilization="0.92"} 1.0
                vllm:num_preemptions_total{engine="0",model_name="m"} 7.0
                """, Optional.of("m"));

        assertThat(snapshot.running()).hasValue(5);
        assertThat(snapshot.waiting()).hasValue(1);
        assertThat(snapshot.kvCacheUsage()).hasValue(0.5);
        assertThat(snapshot.gpuMemoryUtilization()).hasValue(0.92);
        assertThat(snapshot.preemptions()).hasValue(7);
    }

    @Test
    void fallsBackToTheKvCacheGaugeOfServersBefore09() {
        ServerMetricsWatch.Snapshot snapshot = ServerMetricsWatch.parse(
                "vllm:gpu_cache_usage_perc{model_name=\"m\"} 0.75\n", Optional.of("m"));

        assertThat(snapshot.kvCacheUsage()).hasValue(0.75);
        assertThat(snapshot.running()).isEmpty();
        assertThat(snapshot.gpuMemoryUtilization()).isEmpty();
    }
}
