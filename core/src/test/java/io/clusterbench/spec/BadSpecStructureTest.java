package io.clusterbench.spec;

import static io.clusterbench.spec.SpecFiles.exceptionOf;
import static io.clusterbench.spec.SpecFiles.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.clusterbench.ClusterBenchException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Specs broken in their form: YAML that does not parse, wrong types, unknown and missing keys, bad numbers,
 * durations and URLs. Each asserts every problem's exact text, line and column.
 */
class BadSpecStructureTest {

    static Stream<Arguments> badSpecs() {
        return Stream.of(
                arguments("alias-bomb.yaml", List.of(
                        "alias-bomb.yaml:1:1: too many aliases (*name) to lists or mappings, more than 50: refused, because chains of aliases can expand into billions of nodes (a 'billion laughs' attack)")),
                arguments("bad-duration.yaml", List.of(
                        "bad-duration.yaml:8:21 hosts.sark.connectTimeout: must be a duration such as 500ms, 10s, 2m or 1h, got '10 secs'",
                        "bad-duration.yaml:9:21 hosts.sark.commandTimeout: must be a duration such as 500ms, 10s, 2m or 1h, got the number 60",
                        "bad-duration.yaml:13:51 probes.lb-latency.duration: must be longer than 0, got 0s")),
                arguments("bad-quiet-check.yaml", List.of(
                        "bad-quiet-check.yaml:4:25 settings.quietCheck: must be inconclusive, record or off, got 'recrod' (did you mean 'record'?)")),
                arguments("bad-ids.yaml", List.of(
                        "bad-ids.yaml:1:10 cluster: 'my cluster' is not a valid name: use letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64 characters",
                        "bad-ids.yaml:3:3 services.Cache Server: 'Cache Server' is not a valid name: use letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64 characters",
                        "bad-ids.yaml:4:3 services.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...' is not a valid name: use letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64 characters")),
                arguments("bad-port.json", List.of(
                        "bad-port.json:6:15 hosts.sark.port: must be 1-65535, got 70000",
                        "bad-port.json:12:61 services.cache.passwrd: unknown key 'passwrd' (did you mean 'password'?)")),
                arguments("bad-port.yaml", List.of(
                        "bad-port.yaml:5:11 hosts.sark.port: must be 1-65535, got 70000")),
                arguments("bad-url.yaml", List.of(
                        "bad-url.yaml:3:33 services.llm.url: must be an http:// or https:// URL with a host (and no user:password@), such as http://10.0.0.69:8000, got 'ftp://10.0.0.69:8000'",
                        "bad-url.yaml:4:33 services.vectors.url: must be an http:// or https:// URL with a host (and no user:password@), such as http://10.0.0.69:8000, got 'localhost:8001'",
                        "bad-url.yaml:5:37 services.metrics.url: must be an http:// or https:// URL with a host (and no user:password@), such as http://10.0.0.69:8000, got 'http://admin:pw@10.0.0.69:9090'")),
                arguments("duplicate-host.yaml", List.of(
                        "duplicate-host.yaml:8:3 hosts.sark: duplicate key 'sark' (first at line 3)")),
                arguments("malformed.yaml", List.of(
                        "malformed.yaml:4:9: not valid YAML: expected ',' or '}', but got : (while parsing a flow mapping at line 3, column 9)")),
                arguments("missing-required.yaml", List.of(
                        "missing-required.yaml:1:1: missing required key 'cluster'",
                        "missing-required.yaml:3:5 hosts.sark: missing required key 'user'",
                        "missing-required.yaml:7:10 services.cache: missing required key 'type'")),
                arguments("not-a-mapping.yaml", List.of(
                        "not-a-mapping.yaml:1:1: the spec must be a mapping (cluster:, hosts:, services:, ...) at the top, got a list; is this file a cluster spec?")),
                arguments("score-warning-above-pass.yaml", List.of(
                        "score-warning-above-pass.yaml:4:12 score.warning: must be <= pass (90), got 95",
                        "score-warning-above-pass.yaml:5:32 settings.maxParallelProbes: must be 1-64, got 0")),
                arguments("three-errors.yaml", List.of(
                        "three-errors.yaml:5:11 hosts.sark.port: must be 1-65535, got 0",
                        "three-errors.yaml:12:45 probes.cache-latency.clients: must be 1-10000, got 0",
                        "three-errors.yaml:14:63 objectives[0].weight: must be > 0 and <= 1000000, got 0")),
                arguments("trend-structure.yaml", List.of(
                        "trend-structure.yaml:7:3 trend.metrcs: unknown key 'metrcs' (did you mean 'metrics'?)",
                        "trend-structure.yaml:7:3 trend: missing required key 'metrics'",
                        "trend-structure.yaml:8:3 trend.chart: unknown key 'chart' (allowed: metrics)")),
                arguments("unknown-key-nested.yaml", List.of(
                        "unknown-key-nested.yaml:4:5 hosts.sark.adress: unknown key 'adress' (did you mean 'address'?)",
                        "unknown-key-nested.yaml:7:5 hosts.sark.KeyFile: unknown key 'KeyFile' (did you mean 'keyFile'?)",
                        "unknown-key-nested.yaml:10:5 hosts.sark.flavour: unknown key 'flavour' (allowed: address, port, user, keyFile, key, password, passphrase, hostKey, knownHosts, insecureAcceptAnyHostKey, connectTimeout, commandTimeout)")),
                arguments("unknown-key-top.yaml", List.of(
                        "unknown-key-top.yaml:2:1 servics: unknown key 'servics' (did you mean 'services'?)",
                        "unknown-key-top.yaml:4:1 colour: unknown key 'colour' (allowed: cluster, hosts, services, probes, tuning, objectives, score, baseline, settings, trend)")),
                arguments("wrong-types.yaml", List.of(
                        "wrong-types.yaml:5:11 hosts.sark.port: must be a whole number, got '22' (write it without quotes)",
                        "wrong-types.yaml:6:11 hosts.sark.user: must be text, got a list",
                        "wrong-types.yaml:10:3 services: must be a mapping (key: value), got a list",
                        "wrong-types.yaml:11:23 settings.rollback: must be true or false, got 'yes'",
                        "wrong-types.yaml:11:47 settings.maxParallelProbes: must be a whole number, got the number 2.5")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void reportsEveryProblemWithLineColumnAndPath(String file, List<String> expected) {
        assertThat(problemsOf(file)).containsExactlyElementsOf(expected);
    }

    @Test
    void pointsAtTheValueOfABadPort() {
        SpecProblem problem = exceptionOf("bad-port.yaml").problems().get(0);

        assertThat(problem).isEqualTo(new SpecProblem("bad-port.yaml", 5, 11, "hosts.sark.port",
                "must be 1-65535, got 70000"));
    }

    @Test
    void reportsThreeIndependentErrorsInFileOrder() {
        List<SpecProblem> problems = exceptionOf("three-errors.yaml").problems();

        assertThat(problems).extracting(SpecProblem::line).containsExactly(5, 12, 14);
        assertThat(problems).extracting(SpecProblem::path)
                .containsExactly("hosts.sark.port", "probes.cache-latency.clients", "objectives[0].weight");
    }

    @Test
    void messageListsEveryProblemOnItsOwnLine() {
        SpecException e = exceptionOf("three-errors.yaml");

        assertThat(e.kind()).isEqualTo(ClusterBenchException.Kind.INVALID_SPEC);
        assertThat(e.getMessage()).isEqualTo(String.join("\n",
                "three-errors.yaml:5:11 hosts.sark.port: must be 1-65535, got 0",
                "three-errors.yaml:12:45 probes.cache-latency.clients: must be 1-10000, got 0",
                "three-errors.yaml:14:63 objectives[0].weight: must be > 0 and <= 1000000, got 0"));
    }

    @Test
    void reportsJsonErrorsAtTheirJsonLineAndColumn() {
        assertThat(problemsOf("bad-port.json")).first().asString().startsWith("bad-port.json:6:15 hosts.sark.port");
    }

    @Test
    void refusesAnAliasBombBeforeExpandingIt() {
        List<SpecProblem> problems = exceptionOf("alias-bomb.yaml").problems();

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message()).contains("too many aliases").contains("billion laughs");
    }

    @Test
    void reportsMalformedYamlAsOneErrorAtTheParsersMark() {
        assertThat(exceptionOf("malformed.yaml").problems()).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(4))
                .satisfies(p -> assertThat(p.column()).isEqualTo(9))
                .satisfies(p -> assertThat(p.message()).startsWith("not valid YAML: "));
    }
}
