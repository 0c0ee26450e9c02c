package io.clusterbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps core a plain library: no Jenkins, no front-end, no package cycles. */
class ArchitectureTest {

    private static final String[] JENKINS_PACKAGES = {
        "hudson..", "jenkins..", "org.jenkinsci..", "io.jenkins..", "org.kohsuke.stapler..", "org.kohsuke.accmod.."
    };

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        // Matches any build folder name (-Dcb.target=...), unlike ArchUnit's predefined "/target/test-classes/".
        core = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("io.clusterbench");
    }

    @Test
    void coreHasClassesToCheck() {
        // Guards the rules below against passing vacuously on an empty import.
        assertThat(core.containPackage("io.clusterbench.result")).isTrue();
    }

    @Test
    void coreNeverUsesJenkins() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(JENKINS_PACKAGES).check(core);
    }

    @Test
    void coreNeverUsesTheCommandLineFront() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.clusterbench.cli..", "picocli..")
                .check(core);
    }

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching("io.clusterbench.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void dependencyRuleReportsAnOffendingClass() {
        JavaClasses offender = new ClassFileImporter().importClasses(UsesAForbiddenPackage.class);
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage("java.util.zip..");

        EvaluationResult result = rule.evaluate(offender);

        assertThat(result.hasViolation()).isTrue();
    }

    /** A stand-in offender: the real rules import only main classes, so this one is never part of them. */
    static final class UsesAForbiddenPackage {
        java.util.zip.CRC32 checksum = new java.util.zip.CRC32();
    }
}
