package io.clusterbench.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the descriptors give the probes (values and defaults) and the spec loader (metric names). */
class ProbeDescriptorTest {

    private static final String HOSTS = """
            hosts:
              sark: { address: 10.0.0.69, user: ops, keyFile: id, knownHosts: known }
              clu: { address: 10.0.0.71, user: ops, keyFile: id, knownHosts: known }
            """;

    private static ProbeSpec probe(String services, String probe) throws Exception {
        ClusterSpec spec = SpecFiles.loadText("p.yaml", "cluster: c\n" + HOSTS + services + "probes:\n  p: " + probe
                + "\n", Map.of()).spec();
        return spec.probes().get("p");
    }

    @Test
    void givesTheProbeTheWrittenValueOrTheDefaultOfTheTableValidationUsed() throws Exception {
        Parameters written = probe("services: { cache: { type: redis, address: 10.0.0.71 } }\n",
                "{ service: cache, clients: 8, duration: 30s }").parameters();

        assertThat(RedisDescriptor.CLIENTS.in(written)).isEqualTo(8);
        assertThat(RedisDescriptor.PIPELINE.in(written)).isEqualTo(1);
        assertThat(RedisDescriptor.COMMANDS.in(written)).containsExactly("get", "set");
        assertThat(RedisDescriptor.DURATION.optionalIn(written)).contains(Duration.ofSeconds(30));
        assertThat(RedisDescriptor.KEY_PREFIX.optionalIn(written)).isEmpty();
    }

    @Test
    void refusesAtRunTimeWhatValidationRefusesWhenASpecWasBuiltWithoutTheLoader() {
        Parameters handMade = new Parameters(Map.of("clients", 20_000L, "keyPrefix", ""));

        assertThatThrownBy(() -> RedisDescriptor.CLIENTS.in(handMade)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parameter 'clients' is 20000, which is not 1-10000 connections");
        assertThatThrownBy(() -> RedisDescriptor.KEY_PREFIX.optionalIn(handMade))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> HttpDescriptor.RATE.in(new Parameters(Map.of())))
                .hasMessageContaining("has no default");
    }

    @Test
    void namesTheMetricsOfTheCommandsTheProbeSends() throws Exception {
        MetricNames names = names(probe("services: { cache: { type: redis, address: 10.0.0.71 } }\n",
                "{ service: cache, commands: [incr, get, incr] }"));

        assertThat(names.accepts("incr.p99_ms")).isTrue();
        assertThat(names.accepts("get.ops_per_s")).isTrue();
        assertThat(names.accepts("set.p99_ms")).isFalse();
        assertThat(names.accepts("latency_event.fast-command.max_ms")).isTrue();
        assertThat(names.accepts("latency_event..max_ms")).isFalse();
    }

    @Test
    void namesTheOpenModelsMetricsOnlyForAnOpenModelProbe() throws Exception {
        String services = "services: { lb: { type: http, url: \"http://10.0.0.69/\" } }\n";

        assertThat(names(probe(services, "{ service: lb, rate: 10 }")).accepts("late_requests")).isTrue();
        assertThat(names(probe(services, "{ service: lb, concurrency: 4 }")).accepts("late_requests")).isFalse();
        assertThat(names(probe(services, "{ service: lb, concurrency: 4 }")).accepts("status_503")).isTrue();
    }

    @Test
    void namesHostMetricsAfterEachHostAndEachMount() throws Exception {
        MetricNames names = names(probe("", "{ type: host, hosts: [sark, clu], mounts: [/, /var/lib/docker] }"));

        assertThat(names.accepts("clu.disk.var_lib_docker.used_pct")).isTrue();
        assertThat(names.accepts("sark.disk.root.size_bytes")).isTrue();
        assertThat(names.accepts("sark.disk.var.used_pct")).isFalse();
        assertThat(names.closest("sark.usedpct")).contains("sark.used_pct");
    }

    @Test
    void suggestsTheNameAPatternWouldGiveForTheSameFreePart() throws Exception {
        MetricNames names = names(probe("", "{ type: gpu, host: sark }"));

        assertThat(names.accepts("sark.gpu3.util_pct")).isTrue();
        assertThat(names.closest("sark.gpu3.util_pc")).contains("sark.gpu3.util_pct");
        assertThat(names.shown()).contains("sark.gpus", "sark.gpuN.power_w");
    }

    @Test
    void namesAnOpenAiProbesExtraPercentilesGoodputAndServerMetricsOnlyWhenAskedFor() throws Exception {
        String services = "services: { llm: { type: openai, url: \"http://10.0.0.69:8000\" } }\n";
        MetricNames plain = names(probe(services, "{ service: llm }"));
        MetricNames asked = names(probe(services,
                "{ service: llm, percentiles: [99.5, 99.9], goodput: { ttft_ms: 500 }, metrics: true }"));

        assertThat(List.of("ttft_p99.5_ms", "goodput", "server.kv_cache_usage_pct")).noneMatch(plain::accepts)
                .allMatch(asked::accepts);
        assertThat(asked.accepts("itl_p999_ms")).isTrue();
    }

    private static MetricNames names(ProbeSpec probe) {
        return probe.kind().descriptor().metrics(probe);
    }
}
