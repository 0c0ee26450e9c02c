package io.clusterbench.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every spec snippet in docs/probes.md is valid once completed with a cluster name and the example hosts. */
class ProbeDocExamplesTest {

    private static final Path PROBES_DOC = Path.of("..", "docs", "probes.md");
    private static final String EXAMPLE_HOSTS = """
            hosts:
              sark: { address: 10.0.0.69, user: ops, keyFile: ~/.ssh/id_ed25519, knownHosts: ~/.ssh/known_hosts }
              clu:  { address: 10.0.0.71, user: ops, keyFile: ~/.ssh/id_ed25519, knownHosts: ~/.ssh/known_hosts }
            """;

    @ParameterizedTest(name = "docs/probes.md:{0}")
    @MethodSource("yamlBlocks")
    void snippetLoadsWithoutProblems(int line, String snippet) throws Exception {
        String spec = "cluster: docs-example\n" + (snippet.contains("hosts:\n") ? "" : EXAMPLE_HOSTS) + snippet;

        LoadedSpec loaded = SpecLoader.load("probes.md:" + line, spec);

        assertThat(loaded.spec().probes()).isNotEmpty();
    }

    static Stream<Arguments> yamlBlocks() throws IOException {
        List<String> lines = Files.readAllLines(PROBES_DOC);
        List<Arguments> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("```yaml")) {
                int start = i + 1;
                StringBuilder block = new StringBuilder();
                while (!lines.get(++i).equals("```")) {
                    block.append(lines.get(i)).append('\n');
                }
                blocks.add(Arguments.of(start + 1, block.toString()));
            }
        }
        assertThat(blocks).as("yaml examples in docs/probes.md").hasSizeGreaterThanOrEqualTo(7);
        return blocks.stream();
    }
}
