package io.clusterbench.probe.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptsTest {

    @Test
    void generatesTheSamePromptsForTheSameSeedWithOneVocabularyWordPerToken() {
        Prompts first = Prompts.generate(3, 50, 11);

        assertThat(Prompts.generate(3, 50, 11)).isEqualTo(first);
        assertThat(Prompts.generate(3, 50, 12).texts()).isNotEqualTo(first.texts());
        assertThat(first.texts()).doesNotHaveDuplicates().allSatisfy(prompt ->
                assertThat(prompt.split(" ")).hasSize(50).allSatisfy(w -> assertThat(Prompts.VOCABULARY).contains(w)));
        assertThat(first.generated()).isTrue();
        assertThat(first.plannedTokens()).isEqualTo(50);
        assertThat(first.get(4)).isEqualTo(first.get(1));
    }

    @Test
    void readsPlainAndJsonLinesAndNamesTheLineOfABadOne(@TempDir Path folder) throws Exception {
        Path good = folder.resolve("good.txt");
        Files.writeString(good, "  first prompt \n\n{\"prompt\": \"second\\nprompt\", \"id\": 2}\n");
        Path bad = folder.resolve("bad.jsonl");
        Files.writeString(bad, "{\"prompt\": \"ok\"}\n{\"text\": \"no prompt\"}\n");

        Prompts read = Prompts.read(good);

        assertThat(read.texts()).containsExactly("first prompt", "second\nprompt");
        assertThat(read.generated()).isFalse();
        assertThat(read.plannedTokens()).isEqualTo(-1);
        assertThatThrownBy(() -> Prompts.read(bad)).hasMessage(bad + ":2: a JSON line needs a text field \"prompt\"");
    }
}
