/**
 * The {@code vllm-gpu-memory} check: reads the running vLLM server's real {@code gpu_memory_utilization} from
 * {@code vllm:cache_config_info} on its {@code /metrics} and says whether it is the wanted value; it never changes
 * anything, because nothing can change that value in a running server.
 */
package io.clusterbench.tune.vllm;
