package io.clusterbench.probe.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptsTest {

    @Test
    void generatesTheSamePromptsForTheSameSeedWithOneVocabularyWordPerToken() {
        Prompts first = Prompts.generate(3, 50, 7, 11);

        assertThat(Prompts.generate(3, 50, 7, 11)).isEqualTo(first);
        assertThat(Prompts.generate(3, 50, 7, 12).texts()).isNotEqualTo(first.texts());
        assertThat(first.texts()).doesNotHaveDuplicates().allSatisfy(prompt ->
                assertThat(prompt.split(" ")).hasSize(50).allSatisfy(w -> assertThat(Prompts.VOCABULARY).contains(w)));
        assertThat(first.generated()).isTrue();
        assertThat(first.plannedTokens()).isEqualTo(50);
        assertThat(first.get(4)).isEqualTo(first.get(1));
        assertThat(first.maxTokens()).containsOnly(7);
    }

    @Test
    void drawsPromptAndOutputLengthsUniformlyWithinTheRangeRatioAsVllmsRandomDataset() {
        Prompts drawn = Prompts.generate(2000, 100, 50, new TokenLengths(0.5, false), 3);

        List<Integer> words = drawn.texts().stream().map(p -> p.split(" ").length).toList();
        // vLLM: np.random.randint(floor(n * (1 - r)), floor(n * (1 + r)) + 1): every length in [50, 150] and [25, 75].
        assertThat(words).allSatisfy(n -> assertThat(n).isBetween(50, 150)).contains(50, 150);
        assertThat(drawn.maxTokens()).allSatisfy(n -> assertThat(n).isBetween(25, 75)).contains(25, 75);
        assertThat(words.stream().mapToInt(Integer::intValue).average().orElseThrow()).isBetween(97.0, 103.0);
        assertThat(drawn.plannedTokens()).as("no single input length to assume").isEqualTo(-1);
        assertThat(Prompts.generate(2000, 100, 50, new TokenLengths(0.5, false), 3)).isEqualTo(drawn);
        assertThat(Prompts.generate(5, 100, 50, new TokenLengths(0.5, false), 3).texts().get(0).split(" "))
                .as("the words of the prompts follow the seed as with fixed lengths")
                .startsWith(Prompts.generate(5, 100, 50, 3).texts().get(0).split(" ")[0]);
    }

    @Test
    void drawsNormalLengthsAroundTheNominalLengthCutAtTheRange() {
        Prompts drawn = Prompts.generate(4000, 100, 100, new TokenLengths(0.4, true), 5);

        double[] outputs = drawn.maxTokens().stream().mapToDouble(Integer::doubleValue).toArray();
        double mean = java.util.Arrays.stream(outputs).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(outputs).map(x -> (x - mean) * (x - mean)).sum() / outputs.length);
        assertThat(drawn.maxTokens()).allSatisfy(n -> assertThat(n).isBetween(60, 140));
        assertThat(mean).isBetween(98.0, 102.0);
        // A quarter of the width (20), a little less for the cut tails; a uniform draw would give 23.
        assertThat(sd).isBetween(17.0, 20.5);
    }

    @Test
    void readsEachJsonLinesOutputTokensAndNamesTheLineOfABadOne(@TempDir Path folder) throws Exception {
        Path dataset = folder.resolve("dataset.jsonl");
        Files.writeString(dataset, "{\"prompt\": \"a\", \"output_tokens\": 300}\nplain\n{\"prompt\": \"b\"}\n");
        Path bad = folder.resolve("bad.jsonl");
        Files.writeString(bad, "{\"prompt\": \"a\", \"output_tokens\": 0}\n");

        Prompts read = Prompts.read(dataset, 64);

        assertThat(read.texts()).containsExactly("a", "plain", "b");
        assertThat(read.maxTokens()).containsExactly(300, 64, 64);
        assertThat(read.longestOutput()).isEqualTo(300);
        assertThatThrownBy(() -> Prompts.read(bad, 64))
                .hasMessage(bad + ":1: \"output_tokens\" must be a whole number from 1, got 0");
    }

    @Test
    void readsPlainAndJsonLinesAndNamesTheLineOfABadOne(@TempDir Path folder) throws Exception {
        Path good = folder.resolve("good.txt");
        Files.writeString(good, "  first prompt \n\n{\"prompt\": \"second\\nprompt\", \"id\": 2}\n");
        Path bad = folder.resolve("bad.jsonl");
        Files.writeString(bad, "{\"prompt\": \"ok\"}\n{\"text\": \"no prompt\"}\n");

        Prompts read = Prompts.read(good, 9);

        assertThat(read.texts()).containsExactly("first prompt", "second\nprompt");
        assertThat(read.generated()).isFalse();
        assertThat(read.plannedTokens()).isEqualTo(-1);
        assertThatThrownBy(() -> Prompts.read(bad, 9)).hasMessage(bad + ":2: a JSON line needs a text field \"prompt\"");
    }
}
