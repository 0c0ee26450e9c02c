package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetailsFileTest {
    private static final BuildDetails DETAILS = new BuildDetails(
            List.of(new ObjectiveLine("cache.p99_ms", "FAIL", 3.5, "ms", "<= 2", "3.5 ms is above 2 ms."),
                    new ObjectiveLine("cache.ops_per_s", "INCONCLUSIVE", null, null, ">= +5%", "no baseline yet")),
            List.of(new ChangeLine("policy", "cache:6379", "APPLIED", true, "timeout: 0 -> 300", null)),
            List.of(new EffectLine("cache.p99_ms", "0.41 ms", "0.45 ms", "+0.04 ms [+0.02, +0.06] ms", "worse")),
            "Design: alternating (ABBAABBAAB), 5 rounds per condition");

    @Test
    void keepsEveryLineOfEachIdInItsOwnFile(@TempDir Path build) throws Exception {
        Path folder = DetailsFile.folderOf(build.toFile());
        DetailsFile.write(folder, "before", DETAILS);
        DetailsFile.write(folder, "after", BuildDetails.none());

        BuildDetails read = DetailsFile.read(folder, "before");

        assertThat(read.getObjectives()).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(DETAILS.getObjectives().stream().map(o -> o.getUnit().isEmpty()
                        ? new ObjectiveLine(o.getMetric(), o.getStatus(), o.getMeasured(), "", o.getPass(),
                                o.getExplanation()) : o).toList());
        assertThat(read.getChanges()).usingRecursiveFieldByFieldElementComparator().isEqualTo(DETAILS.getChanges());
        assertThat(read.getEffects()).usingRecursiveFieldByFieldElementComparator().isEqualTo(DETAILS.getEffects());
        assertThat(read.getEffectDesign()).isEqualTo(DETAILS.getEffectDesign());
        assertThat(DetailsFile.read(folder, "after").getObjectives()).isEmpty();
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("before.json",
                    "after.json");
        }
    }

    @Test
    void aLaterStepWithTheSameIdReplacesTheFile(@TempDir Path build) throws Exception {
        Path folder = DetailsFile.folderOf(build.toFile());
        DetailsFile.write(folder, "clusterbench", DETAILS);

        DetailsFile.write(folder, "clusterbench", new BuildDetails(List.of(), DETAILS.getChanges()));

        assertThat(DetailsFile.read(folder, "clusterbench").getObjectives()).isEmpty();
        assertThat(DetailsFile.read(folder, "clusterbench").getChanges()).hasSize(1);
    }

    @Test
    void aMissingOrBrokenFileShowsNoDetailsRatherThanFailingThePage(@TempDir Path build) throws Exception {
        Path folder = DetailsFile.folderOf(build.toFile());
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("broken.json"), "{\"objectives\": [");

        assertThat(DetailsFile.read(folder, "missing").getObjectives()).isEmpty();
        assertThat(DetailsFile.read(folder, "broken").getChanges()).isEmpty();
    }
}
