package io.clusterbench.probe.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The LLM workloads the openai probe sends, read back from the request bodies OpenAiFixture (vLLM's API) received:
 * drawn lengths as vLLM bench's random dataset with {@code --random-range-ratio}, {@code ignore_eos}, and a JSONL
 * dataset with its own output lengths.
 */
class OpenAiWorkloadTest extends OpenAiProbeRuns {

    @Test
    void drawsEachRequestsPromptLengthAndMaxTokensWithinTheRangeAndIgnoresEos() throws Exception {
        ProbeMeasurement m = run("requests: 60, promptTokens: 40, maxTokens: 20, rangeRatio: 0.5, seed: 7");

        assertThat(m.status()).isEqualTo(ProbeStatus.OK);
        List<Integer> words = fixture.bodies().stream().map(b -> b.path("prompt").asText().split(" ").length)
                .toList();
        List<Integer> maxTokens = fixture.bodies().stream().map(b -> b.path("max_tokens").asInt()).toList();
        assertThat(words).hasSize(60).allSatisfy(n -> assertThat(n).isBetween(20, 60));
        assertThat(maxTokens).allSatisfy(n -> assertThat(n).isBetween(10, 30));
        assertThat(words.stream().distinct().count()).as("lengths vary").isGreaterThan(10);
        assertThat(maxTokens.stream().distinct().count()).isGreaterThan(5);
        assertThat(fixture.bodies()).allSatisfy(b -> assertThat(b.path("ignore_eos").asBoolean()).isTrue());
        // The bodies are exactly the seed's plan: same lengths, in request order (all sent at once, so any order).
        Prompts planned = Prompts.generate(60, 40, 20, new TokenLengths(0.5, false), 7);
        assertThat(fixture.bodies()).extracting(b -> b.path("prompt").asText())
                .containsExactlyInAnyOrderElementsOf(planned.texts());
        assertThat(maxTokens).containsExactlyInAnyOrderElementsOf(planned.maxTokens());
    }

    @Test
    void normalLengthsStayWithinTheRange() throws Exception {
        run("requests: 40, promptTokens: 30, maxTokens: 30, rangeRatio: 0.3, lengths: normal");

        assertThat(fixture.bodies()).hasSize(40).allSatisfy(b -> {
            assertThat(b.path("prompt").asText().split(" ").length).isBetween(21, 39);
            assertThat(b.path("max_tokens").asInt()).isBetween(21, 39);
        });
    }

    @Test
    void ignoreEosFollowsTheSpecWhenItSaysSo() throws Exception {
        run("requests: 2, promptTokens: 5, maxTokens: 5, ignoreEos: false");

        assertThat(fixture.bodies()).hasSize(2).allSatisfy(b -> assertThat(b.has("ignore_eos")).isFalse());
    }

    @Test
    void sendsADatasetsPromptsWithTheirOwnOutputLengths() throws Exception {
        Path dataset = folder.resolve("dataset.jsonl");
        Files.writeString(dataset, """
                {"prompt": "Summarise the Redis INFO output.", "output_tokens": 300}
                {"prompt": "Name three\\nvector databases.", "output_tokens": 40}
                {"prompt": "What is TTFT?"}
                """);

        ProbeMeasurement m = run("requests: 3, promptsFile: dataset.jsonl, maxTokens: 64, ignoreEos: true");

        assertThat(m.status()).isEqualTo(ProbeStatus.OK);
        assertThat(fixture.bodies()).extracting(b -> b.path("prompt").asText() + " / " + b.path("max_tokens").asInt())
                .containsExactlyInAnyOrder("Summarise the Redis INFO output. / 300", "Name three\nvector databases. / 40",
                        "What is TTFT? / 64");
        assertThat(fixture.bodies()).allSatisfy(b -> assertThat(b.path("ignore_eos").asBoolean()).isTrue());
    }

    @Test
    void aBadOutputLengthInTheDatasetFailsTheProbeNamingTheLine() throws Exception {
        Files.writeString(folder.resolve("dataset.jsonl"), "{\"prompt\": \"a\"}\n{\"prompt\": \"b\", \"output_tokens\": \"many\"}\n");

        ProbeMeasurement m = run("requests: 2, promptsFile: dataset.jsonl");

        assertThat(m.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(m.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.SPEC);
            assertThat(e.message()).endsWith("dataset.jsonl:2: \"output_tokens\" must be a whole number from 1,"
                    + " got \"many\"");
        });
        assertThat(fixture.bodies()).as("nothing sent").isEmpty();
    }
}
