package io.clusterbench.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void readsNamesLabelsAndValuesAndSkipsCommentLines() {
        List<PrometheusText.Sample> samples = PrometheusText.parse("""
                # HELP vllm:num_requests_running Number of requests.
                # TYPE vllm:num_requests_running gauge
                vllm:num_requests_running{engine="0",model_name="m"} 3.0
                process_open_fds 12 1700000000000
                http_requests_total{handler="/v1/completions",method="POST",status="2xx"} 1.5e+03
                """);

        assertThat(samples).containsExactly(
                new PrometheusText.Sample("vllm:num_requests_running", Map.of("engine", "0", "model_name", "m"), 3),
                new PrometheusText.Sample("process_open_fds", Map.of(), 12),
                new PrometheusText.Sample("http_requests_total",
                        Map.of("handler", "/v1/completions", "method", "POST", "status", "2xx"), 1500));
    }

    @Test
    void readsEscapedLabelValuesAndSpecialValues() {
        List<PrometheusText.Sample> samples = PrometheusText.parse(
                "a{path=\"C:\\\\x\",say=\"\\\"hi\\\"\\nthere\",le=\"+Inf\"} +Inf\nb -Inf\nc NaN\nbroken{x=1} 2\n");

        assertThat(samples).hasSize(3);
        assertThat(samples.get(0).labels()).containsEntry("path", "C:\\x").containsEntry("say", "\"hi\"\nthere")
                .containsEntry("le", "+Inf");
        assertThat(samples.get(0).value()).isInfinite().isPositive();
        assertThat(samples.get(1).value()).isInfinite().isNegative();
        assertThat(samples.get(2).value()).isNaN();
    }
}
