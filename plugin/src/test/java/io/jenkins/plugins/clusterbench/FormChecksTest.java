package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.GatePolicy;
import io.clusterbench.result.HistoryWindow;
import io.clusterbench.result.ResultIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every form check of the steps' free-text options, with the parser each step itself uses: what a check refuses, the
 * step refuses when the build runs, and the reverse. The workspace is a real folder.
 */
class FormChecksTest {

    @TempDir
    Path workspace;

    @Test
    void specIsRequiredAndWarnsWhenTheWorkspaceLacksIt() throws IOException {
        Files.writeString(workspace.resolve("cluster.yaml"), "cluster: c\n");
        WorkspaceFiles files = path -> Files.exists(workspace.resolve(path));

        assertThat(FormChecks.spec("", files).kind()).isEqualTo(FieldCheck.Kind.ERROR);
        assertThat(FormChecks.spec(null, null).message()).isEqualTo("Give the spec file, relative to the workspace, such as cluster.yaml");
        assertThat(FormChecks.spec("cluster.yaml", files)).isEqualTo(FieldCheck.ok());
        assertThat(FormChecks.spec("clutser.yaml", files)).isEqualTo(FieldCheck.warning("The workspace has no "
                + "clutser.yaml now; the step fails unless the build creates it first (a checkout, writeFile)"));
        assertThat(FormChecks.spec("clutser.yaml", null)).as("no workspace to look at (a Pipeline job)")
                .isEqualTo(FieldCheck.ok());
    }

    @Test
    void optionalFilesAreFineBlankAndWarnedWhenMissing() throws IOException {
        Files.createDirectories(workspace.resolve("clusterbench-tuning"));
        Files.writeString(workspace.resolve("clusterbench-tuning/evidence.jsonl"), "{}\n");
        WorkspaceFiles files = path -> Files.exists(workspace.resolve(path));

        assertThat(FormChecks.optionalFile(" ", files)).isEqualTo(FieldCheck.ok());
        assertThat(FormChecks.optionalFile("clusterbench-tuning/evidence.jsonl", files)).isEqualTo(FieldCheck.ok());
        assertThat(FormChecks.optionalFile("clusterbench-tuning/evidence.json", files).kind())
                .isEqualTo(FieldCheck.Kind.WARNING);
    }

    @Test
    void aWorkspaceThatCannotBeReadSaysNothing() {
        WorkspaceFiles gone = path -> {
            throw new IOException("agent went offline");
        };

        assertThat(FormChecks.spec("cluster.yaml", gone)).isEqualTo(FieldCheck.ok());
    }

    @Test
    void baselineUsesTheStepsParser() {
        assertThat(FormChecks.baseline("lastPassing:5")).isEqualTo(FieldCheck.ok());
        assertThat(FormChecks.baseline("")).as("blank is the default window").isEqualTo(FieldCheck.ok());
        assertThat(FormChecks.baseline("none")).isEqualTo(FieldCheck.ok());

        FieldCheck typo = FormChecks.baseline("lastPasing:5");
        assertThat(typo.kind()).isEqualTo(FieldCheck.Kind.ERROR);
        assertThat(typo.message()).isEqualTo(parseProblem("lastPasing:5")).isNotBlank();
    }

    @Test
    void scoresUseTheStepsRangeRule() {
        assertThat(FormChecks.score("minimum", "")).isEqualTo(FieldCheck.ok());
        assertThat(FormChecks.score("minimum", "85")).isEqualTo(FieldCheck.ok());
        assertThat(FormChecks.score("unstableBelow", "101"))
                .isEqualTo(FieldCheck.error(GatePolicy.scoreProblem("unstableBelow", "101").orElseThrow()));
        assertThat(FormChecks.score("minimum", "eighty").message()).contains("minimum", "'eighty'");
    }

    @Test
    void idsUseCoresRule() {
        assertThat(FormChecks.id("")).isEqualTo(FieldCheck.ok());
        assertThat(FormChecks.id("after-tuning")).isEqualTo(FieldCheck.ok());
        assertThat(FormChecks.id("has space"))
                .isEqualTo(FieldCheck.error(ResultIds.problem("has space").orElseThrow()));
    }

    @Test
    void pushGatewaysUseCoresParserAndNeverRepeatTheUrl() {
        assertThat(FormChecks.pushGateway("")).isEqualTo(FieldCheck.ok());
        assertThat(FormChecks.pushGateway("http://127.0.0.1:9091")).isEqualTo(FieldCheck.ok());
        FieldCheck bad = FormChecks.pushGateway("ftp://user:s3cret@gateway:9091");
        assertThat(bad.kind()).isEqualTo(FieldCheck.Kind.ERROR);
        assertThat(bad.message()).isNotBlank().doesNotContain("s3cret");
    }

    @Test
    void credentialNamesUseTheBindingsRule() {
        assertThat(FormChecks.credentialName("REDIS_PASSWORD")).isEqualTo(FieldCheck.ok());
        assertThat(FormChecks.credentialName("").kind()).isEqualTo(FieldCheck.Kind.ERROR);
        assertThat(FormChecks.credentialName("1PASSWORD").message()).contains("'1PASSWORD' is not a variable name");
    }

    private static String parseProblem(String text) {
        try {
            HistoryWindow.parse(text);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
