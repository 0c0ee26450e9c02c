package io.clusterbench.score;

import static io.clusterbench.score.ScoreFixtures.objective;
import static io.clusterbench.score.ScoreFixtures.rounds;
import static io.clusterbench.score.ScoreFixtures.run;
import static io.clusterbench.score.ScoreFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.EffectTable;
import io.clusterbench.result.MetricEffect;
import io.clusterbench.result.RunComparison;
import io.clusterbench.spec.BaselineSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worked example of docs/scoring.md ("Effects, step by step"), reproduced from its round values. */
class ScoringDocExampleTest {

    @Test
    void theWorkedExampleInScoringMdIsWhatTheCodeComputes() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "scoring.md"), StandardCharsets.UTF_8);
        RunComparison c = RunComparisons.compare(
                spec(List.of(objective("cache.p99_ms", "<= 2"), objective("lb.p50_ms", "<= 5"))),
                run("before", 0, rounds("cache", "A", "p99_ms", "ms", 0.412, 0.398, 0.405, 0.431, 0.402),
                        rounds("lb", "A", "p50_ms", "ms", 0.61, 0.66, 0.58, 0.71, 0.63)),
                run("after", 10, rounds("cache", "B", "p99_ms", "ms", 0.455, 0.447, 0.468, 0.451, 0.439),
                        rounds("lb", "B", "p50_ms", "ms", 0.64, 0.59, 0.69, 0.62, 0.60)),
                BaselineSettings.DEFAULT, new RunComparisons.Design(RunComparison.ALTERNATING, "ABBAABBAAB", 5,
                        "alternating", Map.of(), List.of()));

        for (MetricEffect effect : c.metrics()) {
            assertThat(doc).as("docs/scoring.md states the verdict of %s", effect.metric())
                    .contains("`" + effect.metric() + "`: " + effect.reason());
            assertThat(doc).contains("| `" + effect.metric() + "` | " + EffectTable.spread(effect.before(),
                    effect.unit()) + " | " + EffectTable.spread(effect.after(), effect.unit()) + " | "
                    + EffectTable.change(effect) + " | " + effect.verdict().words() + " |");
        }
    }
}
