package io.clusterbench.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CLI is a front: it parses, prints and picks exit codes, and uses only the engine and the ground types. */
class CliArchitectureTest {
    private static JavaClasses cli;

    @BeforeAll
    static void importCli() {
        cli = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.clusterbench.cli");
    }

    @Test
    void cliHasClassesToCheck() {
        assertThat(cli.contain(ClusterBenchCommand.class)).isTrue();
    }

    @Test
    void cliUsesOnlyTheEngineAndTheGroundTypes() {
        // DESIGN.md: fronts -> engine -> roles -> ground. The launchers (io.clusterbench.local) serve only demo.
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.clusterbench.bench..", "io.clusterbench.probe..", "io.clusterbench.tune..",
                        "io.clusterbench.score..", "io.clusterbench.report..", "io.clusterbench.trend..",
                        "io.clusterbench.export..",
                        "io.clusterbench.ssh..", "io.clusterbench.metrics..")
                .check(cli);
    }
}
