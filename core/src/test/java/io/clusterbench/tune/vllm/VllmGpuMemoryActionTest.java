package io.clusterbench.tune.vllm;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.ActionKind;
import io.clusterbench.spec.DefaultSecretResolver;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.tune.ActionRegistry;
import io.clusterbench.tune.EvidenceLog;
import io.clusterbench.tune.Tuning;
import io.clusterbench.control.TuningListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vllm-gpu-memory against a /metrics fixture: it reads the real value, reports, and never changes anything. */
class VllmGpuMemoryActionTest {
    private static final String API_KEY = "sk-vllm-test-51c2";
    private static final SecretResolver SECRETS = new DefaultSecretResolver(Map.of("LLM_KEY", API_KEY)::get);

    @TempDir
    Path dir;

    @Test
    void reportsAServerStartedWithTheWantedValueAsVerified() throws Exception {
        try (VllmMetricsFixture vllm = VllmMetricsFixture.startedWith("0.9")) {
            RunResult result = apply(vllm.url(), "0.9");

            ChangeOutcome outcome = result.changes().get(0);
            assertThat(outcome.status()).isEqualTo(ChangeStatus.CHECKED);
            assertThat(outcome.verified()).isTrue();
            assertThat(outcome.before()).containsEntry("gpu_memory_utilization", "0.9");
            assertThat(outcome.after()).containsEntry("gpu_memory_utilization", "0.9");
            assertThat(outcome.message()).contains("runs with gpu_memory_utilization 0.9")
                    .contains("the wanted 0.9").contains("nothing was changed");
            assertThat(result.evidence()).extracting(e -> e.step().word()).containsExactly("checked");
            assertOnlyGetsOfMetricsWithTheKey(vllm);
        }
    }

    @Test
    void reportsADifferentValueAsNotVerifiedAndExplainsThatOnlyARestartChangesIt() throws Exception {
        try (VllmMetricsFixture vllm = VllmMetricsFixture.startedWith("0.9")) {
            RunResult result = apply(vllm.url() + "/v1", "0.8");

            ChangeOutcome outcome = result.changes().get(0);
            assertThat(outcome.status()).isEqualTo(ChangeStatus.CHECKED);
            assertThat(outcome.verified()).isFalse();
            assertThat(outcome.wanted()).containsEntry("gpu_memory_utilization", "0.8");
            assertThat(outcome.after()).containsEntry("gpu_memory_utilization", "0.9");
            assertThat(outcome.message()).contains("not the wanted 0.8")
                    .contains("vLLM fixes it at start (--gpu-memory-utilization)")
                    .contains("torch.cuda.set_per_process_memory_fraction run in another process changes nothing")
                    .contains("restart it with --gpu-memory-utilization 0.8");
            assertOnlyGetsOfMetricsWithTheKey(vllm);
            assertThat(Files.readString(dir.resolve("out").resolve(ResultFiles.RESULT_JSON))
                    + Files.readString(dir.resolve("out").resolve(EvidenceLog.FILE_NAME)))
                    .contains("gpu_memory_utilization").doesNotContain(API_KEY);
        }
    }

    @Test
    void failsClearlyWhenMetricsHaveNoCacheConfigInfo() throws Exception {
        try (VllmMetricsFixture vllm = VllmMetricsFixture.withoutCacheConfigInfo()) {
            RunResult result = apply(vllm.url(), "0.9");

            // Found while planning, so the preflight records it and starts nothing.
            ChangeOutcome outcome = result.changes().get(0);
            assertThat(outcome.status()).isEqualTo(ChangeStatus.NOT_STARTED);
            assertThat(outcome.verified()).isFalse();
            assertThat(outcome.knownToFail()).contains("no vllm:cache_config_info in " + vllm.url() + "/metrics")
                    .contains("is this a vLLM server");
            assertThat(outcome.message()).contains("the preflight found that this action would fail");
            assertOnlyGetsOfMetricsWithTheKey(vllm);
        }
    }

    @Test
    void planIsACheckThatReadsTheRunningValue() throws Exception {
        try (VllmMetricsFixture vllm = VllmMetricsFixture.startedWith("0.92")) {
            List<ChangeOutcome> plan = tuning().plan(load(vllm.url(), "0.92"), TuningListener.SILENT);

            assertThat(plan).singleElement().satisfies(outcome -> {
                assertThat(outcome.status()).isEqualTo(ChangeStatus.CHECKED);
                assertThat(outcome.before()).containsEntry("gpu_memory_utilization", "0.92");
                assertThat(outcome.message()).contains("the wanted 0.92");
            });
            assertOnlyGetsOfMetricsWithTheKey(vllm);
        }
    }

    private static void assertOnlyGetsOfMetricsWithTheKey(VllmMetricsFixture vllm) {
        assertThat(vllm.requests()).isNotEmpty().allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/metrics");
            assertThat(request.authorization()).isEqualTo(Optional.of("Bearer " + API_KEY));
        });
    }

    private RunResult apply(String url, String want) throws Exception {
        return tuning().apply(load(url, want), "cluster.yaml", dir.resolve("out"), true, TuningListener.SILENT,
                () -> false);
    }

    private static Tuning tuning() {
        return new Tuning(ActionRegistry.of(Map.of(ActionKind.VLLM_GPU_MEMORY, new VllmGpuMemoryAction())), SECRETS,
                Clock.systemUTC());
    }

    private LoadedSpec load(String url, String want) throws Exception {
        String yaml = """
                cluster: local
                services:
                  llm: { type: openai, url: "%s", model: test-model, apiKey: "${env:LLM_KEY}" }
                tuning:
                  - { vllm-gpu-memory: llm, want: %s }
                """.formatted(url, want);
        return SpecLoader.load("cluster.yaml", yaml, dir, SECRETS);
    }
}
