package io.clusterbench;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps core a plain library: no Jenkins, no front-end, no server launchers, no package cycles. */
class ArchitectureTest {

    private static final String[] JENKINS_PACKAGES = {
        "hudson..", "jenkins..", "org.jenkinsci..", "io.jenkins..", "org.kohsuke.stapler..", "org.kohsuke.accmod.."
    };

    /** Starting a process is how the launchers start a server; core reaches servers over the network or SSH only. */
    private static final ArchRule STARTS_A_PROCESS = noClasses()
            .should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class)
            .orShould().callMethodWhere(target(name("exec")).and(target(owner(assignableTo(Runtime.class)))));

    /** A server inside the JVM (a listening socket, the JDK's HTTP server) is a server all the same. */
    private static final ArchRule LISTENS_ON_A_SOCKET = noClasses()
            .should().dependOnClassesThat()
            .belongToAnyOf(ServerSocket.class, ServerSocketChannel.class, AsynchronousServerSocketChannel.class)
            .orShould().dependOnClassesThat().resideInAPackage("com.sun.net.httpserver..");

    static final String ENGINE = "io.clusterbench.engine..";
    static final String[] ROLES = {"io.clusterbench.bench..", "io.clusterbench.probe..", "io.clusterbench.tune..",
        "io.clusterbench.score..", "io.clusterbench.report..", "io.clusterbench.trend..",
        "io.clusterbench.export.."};
    static final String[] GROUND = {"io.clusterbench.spec..", "io.clusterbench.result..", "io.clusterbench.control..",
        "io.clusterbench.ssh..", "io.clusterbench.metrics..", "io.clusterbench.net.."};

    private static JavaClasses core;

    @BeforeAll
    static void importCore() throws URISyntaxException {
        // Core's main classes only, wherever the build folder is (-Dcb.target=...): the test classpath also holds
        // the test classes and the local server launchers (test scope), which are in package io.clusterbench too.
        Location coreMain = Location.of(
                ClusterBenchException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        core = new ClassFileImporter().importLocations(List.of(coreMain));
    }

    @Test
    void coreHasClassesToCheck() {
        // Guards the rules below against passing vacuously on an empty import.
        assertThat(core.containPackage("io.clusterbench.result")).isTrue();
        assertThat(core.containPackage("io.clusterbench.engine")).isTrue();
        assertThat(core.contain(ArchitectureTest.class)).as("test classes are not part of the rules").isFalse();
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
    void coreHoldsNoLocalServerLaunchers() {
        // They are the module clusterbench-local, a test-scope dependency of core: never in core's jar.
        assertThat(core.containPackage("io.clusterbench.local")).isFalse();
        noClasses().should().dependOnClassesThat().resideInAPackage("io.clusterbench.local..").check(core);
    }

    @Test
    void coreNeverStartsAProcess() {
        STARTS_A_PROCESS.check(core);
    }

    @Test
    void coreNeverListensOnASocket() {
        LISTENS_ON_A_SOCKET.check(core);
    }

    @Test
    void groundPackagesNeverReachUpToRolesOrTheEngine() {
        // DESIGN.md: fronts -> engine -> roles (bench, probe, tune, score, report, trend) -> ground.
        noClasses().that().resideInAnyPackage(GROUND).should().dependOnClassesThat().resideInAnyPackage(ROLES)
                .orShould().dependOnClassesThat().resideInAPackage(ENGINE).check(core);
    }

    @Test
    void rolesNeverReachUpToTheEngine() {
        noClasses().that().resideInAnyPackage(ROLES).should().dependOnClassesThat().resideInAPackage(ENGINE)
                .check(core);
    }

    @Test
    void noRoleReachesIntoAnotherRolesInternals() {
        // A kind's probe or action class lives in a subpackage of its role; only the registries bind them.
        noClasses().that().resideOutsideOfPackage("io.clusterbench.probe..")
                .and().doNotHaveFullyQualifiedName("io.clusterbench.bench.ProbeRegistry")
                .should().dependOnClassesThat().resideInAPackage("io.clusterbench.probe.(*)..").check(core);
        noClasses().that().resideOutsideOfPackage("io.clusterbench.tune..")
                .should().dependOnClassesThat().resideInAPackage("io.clusterbench.tune.(*)..").check(core);
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

    @Test
    void serverRulesReportAnOffendingClass() {
        JavaClasses offenders = new ClassFileImporter()
                .importClasses(BuildsAProcess.class, ExecsAProcess.class, OpensAServerSocket.class);

        assertThat(STARTS_A_PROCESS.evaluate(offenders).getFailureReport().getDetails())
                .anyMatch(line -> line.contains(BuildsAProcess.class.getName()))
                .anyMatch(line -> line.contains(ExecsAProcess.class.getName()));
        assertThat(LISTENS_ON_A_SOCKET.evaluate(offenders).getFailureReport().getDetails())
                .anyMatch(line -> line.contains(OpensAServerSocket.class.getName()));
    }

    /** A stand-in offender: the real rules import only main classes, so this one is never part of them. */
    static final class UsesAForbiddenPackage {
        java.util.zip.CRC32 checksum = new java.util.zip.CRC32();
    }

    /** Stand-in offenders for the server rules. */
    static final class BuildsAProcess {
        Process start() throws IOException {
            return new ProcessBuilder("true").start();
        }
    }

    static final class ExecsAProcess {
        Process start() throws IOException {
            return Runtime.getRuntime().exec(new String[] {"true"});
        }
    }

    static final class OpensAServerSocket {
        ServerSocket open() throws IOException {
            return new ServerSocket(0);
        }
    }
}
