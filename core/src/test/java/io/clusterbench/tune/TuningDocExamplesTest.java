package io.clusterbench.tune;

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

/**
 * Every spec example in docs/tuning.md loads, and one in an action's section holds actions of that kind only; one in
 * a general section (preflight, optional actions, ordering) may mix kinds.
 */
class TuningDocExamplesTest {

    private static final Path TUNING_DOC = Path.of("..", "docs", "tuning.md");
    /** The "kind" of an example under a heading that names no action kind. */
    private static final String GENERAL = "general";

    @ParameterizedTest(name = "docs/tuning.md:{1} ({0})")
    @MethodSource("yamlBlocks")
    void exampleLoadsWithItsKindOfAction(String kind, int line, String yaml) throws Exception {
        String spec = yaml.contains("cluster:") ? yaml : "cluster: docs-example\n" + yaml;

        LoadedSpec loaded = SpecLoader.load("tuning.md:" + line, spec);

        assertThat(loaded.spec().tuning()).isNotEmpty();
        if (!kind.equals(GENERAL)) {
            assertThat(loaded.spec().tuning()).extracting(ActionSpec::kind)
                    .containsOnly(ActionKind.fromWord(kind).orElseThrow());
        }
    }

    static Stream<Arguments> yamlBlocks() throws IOException {
        List<String> lines = Files.readAllLines(TUNING_DOC);
        List<Arguments> blocks = new ArrayList<>();
        String kind = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("## `")) {
                kind = line.substring(4, line.indexOf('`', 4));
            } else if (line.startsWith("## ")) {
                kind = GENERAL;
            } else if (line.equals("```yaml")) {
                int start = i + 1;
                StringBuilder block = new StringBuilder();
                while (!lines.get(++i).equals("```")) {
                    block.append(lines.get(i)).append('\n');
                }
                blocks.add(Arguments.of(kind, start + 1, block.toString()));
            }
        }
        assertThat(blocks).extracting(arguments -> arguments.get()[0])
                .as("a yaml example in every action section of docs/tuning.md")
                .contains("redis-config", "ssh-command", "restart", "vllm-gpu-memory");
        return blocks.stream();
    }
}
