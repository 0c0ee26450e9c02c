package io.clusterbench.tune.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.spec.ActionKind;
import io.clusterbench.spec.ActionSpec;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The example spec of the ssh-command, restart and vllm-gpu-memory docs loads and holds that kind of action. */
class TuningPartsDocExamplesTest {

    private static final Path PARTS = Path.of("..", "docs", "tuning-parts");

    @ParameterizedTest(name = "docs/tuning-parts/{0}.md:{1}")
    @MethodSource("yamlBlocks")
    void exampleLoadsWithItsKindOfAction(String kind, int line, String yaml) throws Exception {
        LoadedSpec loaded = SpecLoader.load(kind + ".md:" + line, yaml);

        assertThat(loaded.spec().tuning()).isNotEmpty().extracting(ActionSpec::kind)
                .containsOnly(ActionKind.fromWord(kind).orElseThrow());
    }

    static Stream<Arguments> yamlBlocks() throws IOException {
        List<Arguments> blocks = new ArrayList<>();
        for (String kind : List.of("ssh-command", "restart", "vllm-gpu-memory")) {
            List<String> lines = Files.readAllLines(PARTS.resolve(kind + ".md"));
            int found = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).equals("```yaml")) {
                    int start = i + 1;
                    StringBuilder block = new StringBuilder();
                    while (!lines.get(++i).equals("```")) {
                        block.append(lines.get(i)).append('\n');
                    }
                    blocks.add(Arguments.of(kind, start + 1, block.toString()));
                    found++;
                }
            }
            assertThat(found).as("yaml examples in docs/tuning-parts/" + kind + ".md").isPositive();
        }
        return blocks.stream();
    }
}
