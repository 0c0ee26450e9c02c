package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.model.TaskListener;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.testkit.RealServers;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * {@code applyTuning} with and without {@code verify}, run as the agent runs it ({@link TuneOnAgent#invoke}) against
 * the test kit's real Redis, with short probes so that the ten rounds take seconds.
 */
@ExtendWith(RealServers.class)
class ApplyTuningVerifyTest {
    private static final String OUT = "clusterbench-tuning";
    private static final List<String> VERDICTS =
            List.of("improved", "worse", "no detectable change", "inconclusive");

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final TaskListener listener = new ConsoleOnly(new PrintStream(log, true, StandardCharsets.UTF_8));

    /** The build's console, and nothing else a callable on the agent uses of a listener. */
    private record ConsoleOnly(PrintStream logger) implements TaskListener {
        @Override
        public PrintStream getLogger() {
            return logger;
        }
    }

    @Test
    void verifyRunsAlternatingRoundsAndReturnsTheEffectOnEveryKeyMetricWithItsVerdict(LocalRedis redis,
            @TempDir Path workspace) throws Exception {
        int wanted = slowlogMaxLen(redis) + 11;
        writeSpec(workspace, redis, wanted, EXACT_ROUNDS);

        TuningOutcome outcome = new TuneOnAgent("cluster.yaml", OUT, false, true, true, listener, new HashMap<>())
                .invoke(workspace.toFile(), null);
        Map<String, Object> result = outcome.toStepResult();

        assertThat(result.keySet()).containsExactly("runId", "resultPath", "verdict", "score", "design", "order",
                "roundsPerCondition", "regressed", "rolledBack", "explanation", "effects", "changes");
        assertThat(result).containsEntry("design", "alternating").containsEntry("order", "ABBAABBAAB")
                .containsEntry("roundsPerCondition", 5).containsEntry("verdict", "PASS")
                .containsEntry("score", 100.0).containsEntry("rolledBack", false)
                .containsEntry("resultPath", OUT + "/result.json");
        assertThat(result.get("regressed")).isInstanceOf(Boolean.class);
        List<Map<String, Object>> effects = listOfMaps(result.get("effects"));
        assertThat(effects).extracting(e -> e.get("metric")).contains("cache.p99_ms", "cache.p50_ms");
        assertThat(effects).allSatisfy(effect -> {
            assertThat(effect.keySet()).contains("metric", "unit", "verdict", "change", "changeLow", "changeHigh",
                    "changePct", "changePctLow", "changePctHigh", "detectablePct", "reason");
            assertThat(effect.get("verdict")).isIn(VERDICTS.toArray());
            assertThat(effect.get("reason")).asString().isNotBlank();
        });
        assertPlainScriptValues(result);
        @SuppressWarnings("unchecked")
        Map<String, Object> change = (Map<String, Object>) ((Map<String, Object>) result.get("changes")).get("slowlog");
        assertThat(change).containsEntry("status", "APPLIED").containsEntry("verified", true);
        assertThat(slowlogMaxLen(redis)).as("the run ends with the tuning applied").isEqualTo(wanted);
        assertThat(outcome.failed()).isFalse();

        assertThat(switches(workspace.resolve(OUT).resolve("tuning").resolve("evidence.jsonl")))
                .containsExactly("applied", "rolled-back", "applied", "rolled-back", "applied");
        assertThat(workspace.resolve(OUT).resolve("audit-report.md")).exists();
        assertThat(outcome.resultPath()).isEqualTo(OUT + "/tuning/result.json");
        assertThat(outcome.verification().folders())
                .containsExactly(OUT, OUT + "/tuning", OUT + "/before", OUT + "/after");

        String console = log.toString(StandardCharsets.UTF_8);
        assertThat(console).contains("-- round 10/10: B (tuned)", "Change [95% CI]", "Before (median, range)",
                "Design: alternating (ABBAABBAAB)", "cache.p99_ms", "Cluster Bench verdict of the tuned rounds: PASS");

        ClusterBenchAction page = ClusterBenchAction.ofTuning("tuning", outcome.resultPath(),
                outcome.verification().resultPath(), new BuildDetails(List.of(), outcome.pageLines(),
                        outcome.verification().details().getEffects(),
                        outcome.verification().details().getEffectDesign()), null);
        assertThat(page.getEffects()).hasSameSizeAs(effects);
        assertThat(page.getEffects()).extracting(EffectLine::getVerdict).allMatch(VERDICTS::contains);
        assertThat(page.getEffectCounts()).matches("\\d+ [a-z ]+(, \\d+ [a-z ]+)*");
        assertThat(page.getEffectDesign()).startsWith("Design: alternating (ABBAABBAAB)");
        assertThat(page.getArtifactPaths()).contains(OUT + "/tuning/evidence.jsonl", OUT + "/audit-report.html");
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(outcome);
        }
    }

    @Test
    void withoutVerifyTheStepTunesOnceAndReturnsTheActionMapAsBefore(LocalRedis redis, @TempDir Path workspace)
            throws Exception {
        int wanted = slowlogMaxLen(redis) + 23;
        writeSpec(workspace, redis, wanted, EXACT_ROUNDS);

        TuningOutcome outcome = new TuneOnAgent("cluster.yaml", OUT, false, true, false, listener, new HashMap<>())
                .invoke(workspace.toFile(), null);
        Map<String, Object> result = outcome.toStepResult();

        assertThat(outcome.verification()).isNull();
        assertThat(result.keySet()).containsExactly("slowlog");
        @SuppressWarnings("unchecked")
        Map<String, Object> change = (Map<String, Object>) result.get("slowlog");
        assertThat(change.keySet()).containsExactly("target", "status", "before", "after", "verified", "message",
                "optional", "knownToFail");
        assertThat(change).containsEntry("status", "APPLIED").containsEntry("verified", true)
                .containsEntry("after", Map.of("slowlog-max-len", String.valueOf(wanted)));
        assertThat(outcome.resultPath()).isEqualTo(OUT + "/result.json");
        assertThat(switches(workspace.resolve(OUT).resolve("evidence.jsonl"))).containsExactly("applied");
        assertThat(workspace.resolve(OUT).resolve("rounds")).doesNotExist();
        assertThat(workspace.resolve(OUT).resolve("tuning")).doesNotExist();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("Tuning cluster 'verify'")
                .doesNotContain("round").doesNotContain("Change [95% CI]");
        // The constructor the plugin used before verify existed still means "do not verify".
        int again = wanted + 1;
        writeSpec(workspace, redis, again, EXACT_ROUNDS);
        TuningOutcome old = new TuneOnAgent("cluster.yaml", "old", false, true, listener, new HashMap<>())
                .invoke(workspace.toFile(), null);
        assertThat(old.verification()).isNull();
        assertThat(old.toStepResult().keySet()).containsExactly("slowlog");
    }

    @Test
    void aRollbackThatRollbackIfWorseMadeDoesNotFailTheStepButAnyOtherRollbackDoes() {
        TuningOutcome.Change rolledBack = new TuningOutcome.Change("slowlog", "cache:6379", "ROLLED_BACK",
                Map.of("slowlog-max-len", "128"), Map.of("slowlog-max-len", "128"), true, "restored");
        TuningOutcome tuned = new TuningOutcome("run-1", false, List.of(rolledBack), "t/tuning/result.json", null);

        assertThat(tuned.failed()).isTrue();
        assertThat(tuned.verifiedBy(verification(true, true)).failed()).isFalse();
        assertThat(tuned.verifiedBy(verification(false, false)).failed()).isTrue();
        assertThat(tuned.verifiedBy(verification(false, false)).failureMessage())
                .isEqualTo("Tuning failed: slowlog ROLLED_BACK: restored");
        assertThat(tuned.verifiedBy(verification(true, true)).toStepResult())
                .containsEntry("regressed", true).containsEntry("rolledBack", true);
    }

    @Test
    void verifyRefusesPlanAndRollbackFalseBeforeAnythingRuns() {
        ApplyTuningStep step = new ApplyTuningStep("cluster.yaml");
        assertThat(step.isVerify()).as("default").isFalse();
        assertThat(step.optionProblem()).isNull();
        step.setVerify(true);
        assertThat(step.optionProblem()).isNull();
        step.setPlan(true);
        assertThat(step.optionProblem()).contains("plan: true and verify: true cannot be combined");
        step.setPlan(false);
        step.setRollback(false);
        assertThat(step.optionProblem()).contains("rollback: false");
    }

    private static Verification verification(boolean regressed, boolean rolledBack) {
        Map<String, Object> comparison = new LinkedHashMap<>();
        comparison.put("design", "alternating");
        comparison.put("order", "ABBAABBAAB");
        comparison.put("regressed", regressed);
        comparison.put("rolledBack", rolledBack);
        comparison.put("effects", new ArrayList<>());
        return new Verification("t/result.json", "PASS", 100.0, comparison, BuildDetails.none(), List.of("t"));
    }

    /** The planned rounds only, whatever the noise, so that the order is known (RunExtraRoundsTest adds some). */
    private static final String EXACT_ROUNDS = "settings: { extraRounds: 0 }\n";

    private static void writeSpec(Path workspace, LocalRedis redis, int slowlogMaxLen, String settings)
            throws Exception {
        Files.writeString(workspace.resolve("cluster.yaml"), """
                cluster: verify
                services:
                  cache: { type: redis, address: 127.0.0.1, port: %d }
                probes:
                  cache: { service: cache, clients: 2, requests: 500, warmup: 0s }
                tuning:
                  - { id: slowlog, redis-config: cache, set: { slowlog-max-len: %d } }
                objectives:
                  - { metric: cache.p99_ms, pass: "<= 5000", key: true }
                %s""".formatted(redis.port(), slowlogMaxLen, settings));
    }

    private static int slowlogMaxLen(LocalRedis redis) {
        try (Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
            return Integer.parseInt(jedis.configGet("slowlog-max-len").get("slowlog-max-len"));
        }
    }

    /** The evidence lines that record a finished switch: applied or rolled back, in the order written. */
    private static List<String> switches(Path evidence) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> steps = new ArrayList<>();
        for (String line : Files.readAllLines(evidence)) {
            JsonNode node = json.readTree(line);
            String step = node.get("step").asText();
            if (step.equals("applied") || step.equals("rolled-back")) {
                steps.add(step);
            }
        }
        return steps;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOfMaps(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }

    /** Only what a Pipeline script may hold: maps, lists, strings, numbers, booleans and nulls. */
    private static void assertPlainScriptValues(Object value) {
        if (value instanceof Map<?, ?> map) {
            map.keySet().forEach(key -> assertThat(key).isInstanceOf(String.class));
            map.values().forEach(ApplyTuningVerifyTest::assertPlainScriptValues);
        } else if (value instanceof List<?> list) {
            list.forEach(ApplyTuningVerifyTest::assertPlainScriptValues);
        } else if (value != null) {
            assertThat(value).isInstanceOfAny(String.class, Number.class, Boolean.class);
        }
    }
}
