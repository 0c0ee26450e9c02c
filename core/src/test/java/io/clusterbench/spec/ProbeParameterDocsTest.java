package io.clusterbench.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The parameter table of each probe kind in docs/probes.md says what its descriptor says: the same parameters in
 * the same order, each with the same default and the same allowed values and unit.
 */
class ProbeParameterDocsTest {

    private static final String HEADER = "| parameter | default | allowed | meaning |";

    @ParameterizedTest
    @EnumSource(ProbeKind.class)
    void documentsEveryParameterWithItsDefaultAndLimits(ProbeKind kind) throws IOException {
        List<String> expected = kind.descriptor().parameters().parameters().stream()
                .map(p -> "`" + p.name() + "` | " + p.defaultText() + " | " + p.allowed()).toList();

        assertThat(documentedRows(kind)).as("docs/probes.md, ## %s, ### Parameters", kind.word())
                .containsExactlyElementsOf(expected);
    }

    /** The first three cells of each row of the kind's parameter table; none when it says it has no parameters. */
    private static List<String> documentedRows(ProbeKind kind) throws IOException {
        List<String> section = section(kind.word());
        int header = section.indexOf(HEADER);
        if (header < 0) {
            assertThat(section.stream().anyMatch(line -> line.startsWith("No parameters")))
                    .as("## %s has neither a parameter table (%s) nor 'No parameters'", kind.word(), HEADER).isTrue();
            return List.of();
        }
        List<String> rows = new ArrayList<>();
        for (int i = header + 2; i < section.size() && section.get(i).startsWith("|"); i++) {
            String[] cells = section.get(i).split("\\|", -1);
            assertThat(cells).as("row %s", section.get(i)).hasSizeGreaterThanOrEqualTo(6);
            rows.add(cells[1].strip() + " | " + cells[2].strip() + " | " + cells[3].strip());
        }
        return rows;
    }

    /** The lines of {@code ## word}, up to the next section of that level. */
    private static List<String> section(String word) throws IOException {
        List<String> lines = Files.readAllLines(SpecFiles.docs().resolve("probes.md"));
        int start = lines.indexOf("## " + word);
        assertThat(start).as("docs/probes.md has a section ## %s", word).isNotNegative();
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        return lines.subList(start, end);
    }
}
