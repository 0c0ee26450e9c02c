package io.clusterbench.score;

import static io.clusterbench.score.ScoreFixtures.probe;
import static io.clusterbench.score.ScoreFixtures.run;
import static io.clusterbench.score.ScoreFixtures.scored;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.result.Verdict;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked example of docs/scoring.md: its spec, its numbers and its sentences, reproduced. */
class WorkedExampleTest {

    static final String SPEC = """
            cluster: memory-system
            hosts:
              sark: { address: 10.0.0.69, user: ops, keyFile: ~/.ssh/id_ed25519, hostKey: "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU" }
            services:
              cache: { type: redis, address: 10.0.0.71 }
              llm:   { type: openai, url: "http://10.0.0.69:8000" }
            probes:
              cache-latency: { service: cache }
              llm-serving:   { service: llm }
              memory:        { type: host, hosts: [sark] }
            objectives:
              - { metric: cache-latency.get.p99_ms, pass: "<= 2", warning: "<= 5", weight: 2 }
              - { metric: memory.sark.used_pct, pass: "<= 90", key: true }
              - { metric: cache-latency.ops_per_s, pass: ">= 50000" }
              - { metric: llm-serving.ttft_p95_ms, pass: "<= +10%", nodata: inconclusive }
            score: { pass: 95, warning: 75 }
            baseline: { from: last-passing, runs: 3, aggregate: median }
            """;

    static final List<String> EXPLANATIONS = List.of(
            "cache-latency.get.p99_ms = 2.6 ms, not <= 2 ms but <= 5 ms: warning at 80% credit, 1.6 of 5 points"
                    + " (32.0 of 100)",
            "memory.sark.used_pct = 71.5% <= 90%: pass, 1 of 5 points (20.0 of 100)",
            "cache-latency.ops_per_s = 61000 ops/s >= 50000 ops/s: pass, 1 of 5 points (20.0 of 100)",
            "llm-serving.ttft_p95_ms = 215 ms is +7.5% from the baseline 200 ms (median of 3 runs: h1, h2, h3),"
                    + " within <= +10% (limit 220 ms): pass, 1 of 5 points (20.0 of 100)");

    static final String VERDICT = "score 92.0 is at least the warning threshold 75 but below the pass threshold 95:"
            + " warning";

    static ScoreResult score() throws Exception {
        ClusterSpec spec = SpecLoader.load("cluster.yaml", SPEC).spec();
        List<RunResult> history = List.of(
                scored(run("h1", 1, probe("llm-serving", "ttft_p95_ms", 180, "ms")), Verdict.PASS),
                scored(run("h2", 2, probe("llm-serving", "ttft_p95_ms", 210, "ms")), Verdict.PASS),
                scored(run("h3", 3, probe("llm-serving", "ttft_p95_ms", 200, "ms")), Verdict.PASS),
                scored(run("h4", 4, probe("llm-serving", "ttft_p95_ms", 400, "ms")), Verdict.FAIL));
        RunResult now = run("now", 10,
                probe("cache-latency", "get.p99_ms", 2.6, "ms", "ops_per_s", 61000, "ops/s"),
                probe("memory", "sark.used_pct", 71.5, "percent"),
                probe("llm-serving", "ttft_p95_ms", 215, "ms"));
        return Scorer.score(spec, now, history);
    }

    @Test
    void reproducesTheNumbersOfTheWorkedExample() throws Exception {
        ScoreResult result = score();

        assertThat(result.objectives()).extracting(ObjectiveResult::status).containsExactly(ObjectiveStatus.WARNING,
                ObjectiveStatus.PASS, ObjectiveStatus.PASS, ObjectiveStatus.PASS);
        assertThat(result.objectives()).extracting(ObjectiveResult::contribution).containsExactly(32.0, 20.0, 20.0,
                20.0);
        assertThat(result.objectives()).extracting(ObjectiveResult::explanation).containsExactlyElementsOf(
                EXPLANATIONS);
        assertThat(result.score()).isEqualTo(92.0);
        assertThat(result.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(result.explanation()).isEqualTo(VERDICT);
    }

    @Test
    void showsTheSpecAndTheSentencesVerbatimInTheDocs() throws Exception {
        String doc = Files.readString(docs().resolve("scoring.md"));

        assertThat(doc).contains(SPEC);
        for (String sentence : EXPLANATIONS) {
            assertThat(doc).contains(sentence);
        }
        assertThat(doc).contains(VERDICT);
    }

    private static Path docs() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/scoring.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("docs/scoring.md above the working folder").isNotNull();
        return dir.resolve("docs");
    }
}
