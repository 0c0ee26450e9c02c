package io.jenkins.plugins.clusterbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layers pointing down: core never depends on the plugin, and the plugin reaches core only through its
 * entry point and records, never into probes, tuning actions or SSH.
 */
class PluginArchitectureTest {
    private static JavaClasses core;
    private static JavaClasses plugin;

    @BeforeAll
    static void importClasses() {
        // Matches any build folder name (-Dcb.target=...); test classes are not part of the rules.
        ClassFileImporter importer = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/test-classes/"));
        core = importer.importPackages("io.clusterbench");
        plugin = importer.importPackages("io.jenkins.plugins.clusterbench");
    }

    @Test
    void bothSidesHaveClassesToCheck() {
        // Guards the rules below against passing vacuously on an empty import.
        assertThat(core.containPackage("io.clusterbench.engine")).isTrue();
        assertThat(plugin.contain(BenchmarkClusterStep.class)).isTrue();
    }

    @Test
    void coreNeverDependsOnThePlugin() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.jenkins.plugins.clusterbench..")
                .check(core);
    }

    @Test
    void pluginUsesOnlyTheEngineAndTheGroundTypes() {
        // DESIGN.md: fronts -> engine -> roles -> ground; a front may use the engine and the ground types (spec,
        // result, control) only, so no rule of a role is ever written twice.
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.clusterbench.bench..", "io.clusterbench.probe..", "io.clusterbench.tune..",
                        "io.clusterbench.score..", "io.clusterbench.report..", "io.clusterbench.trend..",
                        "io.clusterbench.export..",
                        "io.clusterbench.ssh..", "io.clusterbench.local..", "io.clusterbench.metrics..")
                .check(plugin);
    }
}
