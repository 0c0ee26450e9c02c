package io.clusterbench.spec;

import static io.clusterbench.spec.SpecFiles.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Specs well-formed but wrong in meaning: dangling references, inline secrets, host auth and host keys, refused
 * Redis parameters, probe parameters past what the probes allow, metrics no probe produces, criteria, probe kinds,
 * tuning targets and trend metrics. Each asserts every problem's exact text, line and column.
 */
class BadSpecMeaningTest {

    static Stream<Arguments> badSpecs() {
        return Stream.of(
                arguments("bad-abort.yaml", List.of(
                        "bad-abort.yaml:7:55 objectives[0].abortOnFail: only an objective on a count the load keeps while it runs can abort it (errors, error_pct, failed); api.p99_ms is known only at the end: remove abortOnFail",
                        "bad-abort.yaml:8:60 objectives[1].abortOnFail: needs an absolute upper bound as pass (such as \"<= 1\"), which a growing error count can certainly break; got '<= +10%'",
                        "bad-abort.yaml:9:54 objectives[2].abortOnFail: needs an absolute upper bound as pass (such as \"<= 1\"), which a growing error count can certainly break; got '>= 1'",
                        "bad-abort.yaml:10:53 objectives[3].abortGrace: is only read with abortOnFail: true; add it or remove abortGrace",
                        "bad-abort.yaml:11:75 objectives[4].abortGrace: must be longer than 0, got 0s")),
                arguments("bad-profile.yaml", List.of(
                        "bad-profile.yaml:5:71 probes.mixed.profile.steps[1].concurrency: every step must set rate, as the first does: a profile varies one knob",
                        "bad-profile.yaml:6:41 probes.timed.profile: duration and profile are both given; give exactly one of duration, requests or profile",
                        "bad-profile.yaml:7:37 probes.neither.profile: needs steps (a list of { rate: N, for: 10s }) or ramp ({ from: N, to: M, over: 30s })",
                        "bad-profile.yaml:7:39 probes.neither.profile.stairs: unknown key 'stairs' (allowed: steps, ramp)",
                        "bad-profile.yaml:8:71 probes.fraction.profile.ramp.from: must be a whole number, got the number 1.5",
                        "bad-profile.yaml:9:50 probes.lengthless.profile.steps[0]: missing required key 'for'")),
                arguments("bad-criterion.yaml", List.of(
                        "bad-criterion.yaml:7:47 objectives[0].pass: must be a criterion such as \"<= 2\" (absolute) or \"<= +10%\" (relative to the baseline), got '=< 2'",
                        "bad-criterion.yaml:8:47 objectives[1].pass: a percentage is a change from the baseline and needs a sign: write \"<= +10%\" (or drop the % for an absolute limit)",
                        "bad-criterion.yaml:9:47 objectives[2].pass: must be a criterion such as \"<= 2\" (absolute) or \"<= +10%\" (relative to the baseline), got the number 2")),
                arguments("bad-host-key.yaml", List.of(
                        "bad-host-key.yaml:3:79 hosts.sark.hostKey: must be a SHA-256 fingerprint such as SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU (ssh-keyscan HOST | ssh-keygen -lf -), got 'SHA256:abc'",
                        "bad-host-key.yaml:4:20 hosts.clu.address: must be an IP address or a DNS name, got '10.0.0.300'",
                        "bad-host-key.yaml:4:73 hosts.clu.password: keyFile and password are both given; give exactly one of keyFile, key or password",
                        "bad-host-key.yaml:4:104 hosts.clu.hostKey: must be a SHA-256 fingerprint such as SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU (ssh-keyscan HOST | ssh-keygen -lf -), got 'md5:aa:bb'")),
                arguments("bad-probe-parameters.yaml", List.of(
                        "bad-probe-parameters.yaml:3:45 services.cache.url: 'url' does not apply to a redis service (allowed: type, host, address, port, user, password)",
                        "bad-probe-parameters.yaml:7:36 probes.cache-latency.clinets: unknown key 'clinets' (did you mean 'clients'?)",
                        "bad-probe-parameters.yaml:7:65 probes.cache-latency.commands[1]: must be ping, get, set, incr, lpush, rpop, hset, hget or fcall, got 'gett' (did you mean 'get'?)",
                        "bad-probe-parameters.yaml:7:72 probes.cache-latency.timeout: 'timeout' does not apply to a redis probe (allowed: type, service, clients, rate, profile, pipeline, requests, duration, warmup, rounds, commands, function, valueSize, keyPrefix, database, tls, capacity, slo, capacityPrecision, capacityBudget, capacityMax)",
                        "bad-probe-parameters.yaml:8:38 probes.lb-both.concurrency: rate and concurrency are both given; give exactly one of rate, concurrency or profile",
                        "bad-probe-parameters.yaml:9:12 probes.lb-none: needs exactly one of rate, concurrency or profile",
                        "bad-probe-parameters.yaml:9:35 probes.lb-none.method: must be GET, HEAD, POST, PUT, DELETE, PATCH or OPTIONS, got 'get' (did you mean 'GET'?)",
                        "bad-probe-parameters.yaml:10:16 probes.gpu-metrics: needs exactly one of query or queries")),
                arguments("both-host-keys.yaml", List.of(
                        "both-host-keys.yaml:8:5 hosts.sark.knownHosts: hostKey and knownHosts are both given; give exactly one of hostKey, knownHosts or insecureAcceptAnyHostKey")),
                arguments("dangling-objective-probe.yaml", List.of(
                        "dangling-objective-probe.yaml:8:15 objectives[1].metric: no probe 'cach-latency' (did you mean 'cache-latency'?)",
                        "dangling-objective-probe.yaml:9:15 objectives[2].metric: no probe 'throughput' (probes: cache-latency)",
                        "dangling-objective-probe.yaml:10:15 objectives[3].metric: names probe 'cache-latency' but none of its metrics: write cache-latency.<metric>, such as cache-latency.p99_ms")),
                arguments("dangling-probe-service.yaml", List.of(
                        "dangling-probe-service.yaml:5:29 probes.cache-latency.service: no service 'cach' (did you mean 'cache'?)")),
                arguments("dangling-service-host.yaml", List.of(
                        "dangling-service-host.yaml:5:31 services.cache.host: no host 'clux' (did you mean 'clu'?)",
                        "dangling-service-host.yaml:6:56 services.web.host: no host 'zebra' (hosts: clu)")),
                arguments("literal-password.yaml", List.of(
                        "literal-password.yaml:6:15 hosts.sark.password: write secrets as ${env:NAME} or ${file:PATH}, never inline",
                        "literal-password.yaml:9:55 services.cache.password: write secrets as ${env:NAME} or ${file:PATH}, never inline",
                        "literal-password.yaml:10:62 services.llm.apiKey: write secrets as ${env:NAME} or ${file:PATH}, never inline")),
                arguments("malformed-secret.yaml", List.of(
                        "malformed-secret.yaml:3:55 services.cache.password: malformed secret reference: write ${env:NAME} (NAME of letters, digits and _, not starting with a digit) or ${file:PATH}",
                        "malformed-secret.yaml:4:64 services.llm.apiKey: malformed secret reference: write ${env:NAME} (NAME of letters, digits and _, not starting with a digit) or ${file:PATH}",
                        "malformed-secret.yaml:5:65 services.vectors.token: malformed secret reference: write ${env:NAME} (NAME of letters, digits and _, not starting with a digit) or ${file:PATH}")),
                arguments("no-auth.yaml", List.of(
                        "no-auth.yaml:4:5 hosts.sark: needs a way to log in: exactly one of keyFile, key or password",
                        "no-auth.yaml:4:5 hosts.sark: needs a way to check the host's key: exactly one of hostKey, knownHosts or insecureAcceptAnyHostKey: true")),
                arguments("past-probe-limits.yaml", List.of(
                        "past-probe-limits.yaml:7:45 probes.cache-latency.clients: must be 1-10000, got 20000",
                        "past-probe-limits.yaml:7:62 probes.cache-latency.pipeline: must be 1-100000, got 200000",
                        "past-probe-limits.yaml:8:44 probes.lb-capacity.concurrency: must be 1-10000, got 100000",
                        "past-probe-limits.yaml:9:36 probes.lb-latency.rate: must be > 0 and <= 1000000, got 1e9",
                        "past-probe-limits.yaml:10:48 probes.llm-serving.maxConcurrency: must be 1-10000, got 50000")),
                arguments("probe-type-contradicts-service.yaml", List.of(
                        "probe-type-contradicts-service.yaml:7:39 probes.cache-http.type: type http contradicts service 'cache', a redis service, which is probed as redis",
                        "probe-type-contradicts-service.yaml:8:36 probes.host-with-service.service: a host probe measures hosts over SSH and takes no service; name them with hosts: [ids]",
                        "probe-type-contradicts-service.yaml:9:12 probes.nothing: needs service (the id of a service), or type: host or type: gpu with hosts")),
                arguments("refused-redis-parameter.yaml", List.of(
                        "refused-redis-parameter.yaml:8:7 tuning[0].set.dir: 'dir' changes where Redis writes files; with dbfilename it can overwrite any file the server can write (a known attack): refused",
                        "refused-redis-parameter.yaml:9:7 tuning[0].set.dbfilename: 'dbfilename' names the file Redis writes snapshots to; with dir it can overwrite any file the server can write (a known attack): refused",
                        "refused-redis-parameter.yaml:10:7 tuning[0].set.enable-debug-command: 'enable-debug-command' turns on commands that can change protected settings or run code in the server: refused",
                        "refused-redis-parameter.yaml:11:7 tuning[0].set.tmeout: 'tmeout' is not on the allow-list of runtime parameters (did you mean 'timeout'?)",
                        "refused-redis-parameter.yaml:12:7 tuning[0].set.save: 'save' is not on the allow-list of runtime parameters (allowed: timeout, tcp-keepalive, slowlog-log-slower-than, slowlog-max-len, maxmemory, maxmemory-policy, maxmemory-samples, hz, dynamic-hz, latency-monitor-threshold, lazyfree-lazy-eviction, lazyfree-lazy-expire, lazyfree-lazy-server-del, lazyfree-lazy-user-del, lazyfree-lazy-user-flush, replica-lazy-flush, maxclients, activedefrag, active-defrag-*)",
                        "refused-redis-parameter.yaml:13:11 tuning[0].set.hz: must be a single value (a number, text, yes/no or true/false), got a list")),
                arguments("restart-container-and-unit.yaml", List.of(
                        "restart-container-and-unit.yaml:7:65 tuning[0].unit: container and unit are both given; give exactly one of container, unit or command",
                        "restart-container-and-unit.yaml:8:5 tuning[1]: needs exactly one of container, unit or command",
                        "restart-container-and-unit.yaml:9:5 tuning[2]: missing required key 'host'",
                        "restart-container-and-unit.yaml:9:44 tuning[2].waitFor: no probe 'lb-latncy' (no probes are defined)")),
                arguments("trend-metrics.yaml", List.of(
                        "trend-metrics.yaml:11:5 trend.metrics: must list 1 to 6 metrics, got 7: keep the ones that matter most",
                        "trend-metrics.yaml:12:7 trend.metrics[1]: no probe 'cach-latency' (did you mean 'cache-latency'?)",
                        "trend-metrics.yaml:13:7 trend.metrics[2]: must be PROBE.METRIC, a probe id and one of its metrics such as cache-latency.p99_ms, got 'throughput'",
                        "trend-metrics.yaml:14:7 trend.metrics[3]: 'cache-latency.get.p99_ms' is already listed at trend.metrics[0]; list each metric once",
                        "trend-metrics.yaml:15:7 trend.metrics[4]: names probe 'cache-latency' but none of its metrics: write cache-latency.<metric>, such as cache-latency.p99_ms",
                        "trend-metrics.yaml:16:7 trend.metrics[5]: no host 'sarc' in probe 'memory' (did you mean 'sark'?)",
                        "trend-metrics.yaml:17:7 trend.metrics[6]: must be text, got the number 42 (quote it to mean text: \"42\")")),
                arguments("unknown-metrics.yaml", List.of(
                        "unknown-metrics.yaml:12:15 objectives[0].metric: no metric 'set.p99ms' in probe 'cache-latency' (did you mean 'set.p99_ms'?)",
                        "unknown-metrics.yaml:13:15 objectives[1].metric: no metric 'hget.p99_ms' in probe 'cache-latency' (did you mean 'get.p99_ms'?)",
                        "unknown-metrics.yaml:14:15 objectives[2].metric: no metric 'upmin' in probe 'prom' (did you mean 'up_min'?)",
                        "unknown-metrics.yaml:15:15 objectives[3].metric: no metric 'clu.usedpct' in probe 'hosts' (did you mean 'clu.used_pct'?)",
                        "unknown-metrics.yaml:17:38 trend.metrics[1]: no metric 'throughput' in probe 'cache-latency' (a redis probe's metrics are listed in docs/probes.md#redis)",
                        "unknown-metrics.yaml:17:64 trend.metrics[2]: no metric 'down' in probe 'prom' (its metrics: up_min, query_mean_ms, query_median_ms, query_p50_ms, query_p90_ms, query_p95_ms, query_p99_ms, query_p999_ms, query_max_ms)")),
                arguments("warning-tighter.yaml", List.of(
                        "warning-tighter.yaml:7:64 objectives[0].warning: must be looser than pass (<= 2), got '<= 1'",
                        "warning-tighter.yaml:8:66 objectives[1].warning: must compare in the same direction as pass (>= 1000), got '<= 5000'",
                        "warning-tighter.yaml:9:67 objectives[2].warning: must be a percentage change like pass (<= +10%), got '<= 3'")),
                arguments("wrong-action-target.yaml", List.of(
                        "wrong-action-target.yaml:8:21 tuning[0].redis-config: 'llm' is an openai service; redis-config needs a redis service",
                        "wrong-action-target.yaml:9:20 tuning[1].ssh-command: no host 'cache' (hosts: sark)",
                        "wrong-action-target.yaml:10:24 tuning[2].vllm-gpu-memory: 'cache' is a redis service; vllm-gpu-memory needs an openai service",
                        "wrong-action-target.yaml:10:37 tuning[2].want: must be > 0 and <= 1, got 1.5",
                        "wrong-action-target.yaml:11:7 tuning[3].redis-confg: unknown key 'redis-confg' (did you mean 'redis-config'?)",
                        "wrong-action-target.yaml:12:28 tuning[4].restart: redis-config and restart are both given; give exactly one of redis-config, ssh-command, restart or vllm-gpu-memory")),
                arguments("wrong-host-in-metric.yaml", List.of(
                        "wrong-host-in-metric.yaml:8:15 objectives[0].metric: no host 'sarc' in probe 'memory' (did you mean 'sark'?)",
                        "wrong-host-in-metric.yaml:9:15 objectives[1].metric: no host 'clu' in probe 'memory' (its hosts: sark)",
                        "wrong-host-in-metric.yaml:10:15 objectives[2].metric: names host 'sark' of probe 'memory' but none of its metrics: write memory.sark.<metric>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void reportsEveryProblemWithLineColumnAndPath(String file, List<String> expected) {
        assertThat(problemsOf(file)).containsExactlyElementsOf(expected);
    }

    @Test
    void neverEchoesAnInlineSecret() {
        String text = String.join("\n", problemsOf("literal-password.yaml"));

        assertThat(text).contains("never inline")
                .doesNotContain("hunter2").doesNotContain("Sup3rSecret")
                .doesNotContain("12345678").doesNotContain("sk-live");
    }

    @Test
    void neverEchoesAMalformedSecretReference() {
        String text = String.join("\n", problemsOf("malformed-secret.yaml"));

        assertThat(text).doesNotContain("1BAD").doesNotContain("vault").doesNotContain("CHROMA_TOKEN");
    }
}
