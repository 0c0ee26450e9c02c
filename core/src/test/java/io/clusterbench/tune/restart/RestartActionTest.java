package io.clusterbench.tune.restart;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.Binaries;
import io.clusterbench.local.FreePorts;
import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.local.LocalSshd;
import io.clusterbench.local.ServerBinary;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.DefaultSecretResolver;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.testkit.RealServers;
import io.clusterbench.tune.EvidenceLog;
import io.clusterbench.tune.Tuning;
import io.clusterbench.control.TuningListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * restart over a real sshd, waiting for the health of real servers (nginx, redis, prometheus), of protocol fixtures
 * where no real server can run here (vLLM, Chroma), or of one that never answers.
 */
@ExtendWith(RealServers.class)
class RestartActionTest {
    private static final String REDIS_PASSWORD = "restart-test-pw-7f3a";
    private static final SecretResolver SECRETS = new DefaultSecretResolver(Map.of("REDIS_PW", REDIS_PASSWORD)::get);

    @TempDir
    Path dir;

    @Test
    void reloadsARealNginxAndWaitsUntilItAnswersHealthy(LocalSshd sshd, LocalNginxBalancer nginx) throws Exception {
        int reloadsBefore = reconfigurations(nginx);
        String reload = argv(Binaries.system().locate(ServerBinary.NGINX).toString(), "-p", nginx.workDir() + "/",
                "-c", nginx.configFile().toString(), "-e", nginx.errorLog().toString(), "-s", "reload");
        RunResult result = apply(sshd, """
                services:
                  lb: { type: http, url: "%s/health" }
                tuning:
                  - { restart: lb, host: box, command: %s, deadline: 20s }
                """.formatted(nginx.url(), reload));

        ChangeOutcome outcome = result.changes().get(0);
        assertThat(outcome.status()).as(outcome.message()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(outcome.verified()).isTrue();
        assertThat(outcome.before()).containsEntry("healthy", "true");
        assertThat(outcome.after()).containsEntry("healthy", "true").containsEntry("restartExit", "0")
                .containsKey("timeToHealthyMs");
        assertThat(outcome.message()).contains("'lb' answered healthy after")
                .contains("GET " + nginx.url() + "/health answered 200");
        assertThat(awaitReconfigurations(nginx, reloadsBefore + 1)).isGreaterThan(reloadsBefore);
    }

    @Test
    void failsWithTheLastErrorWhenTheServiceDoesNotAnswerBeforeTheDeadline(LocalSshd sshd) throws Exception {
        int closedPort = FreePorts.loopback();
        RunResult result = apply(sshd, """
                services:
                  gone: { type: http, url: "http://127.0.0.1:%d/health" }
                tuning:
                  - { restart: gone, host: box, command: ["true"], deadline: 2s }
                """.formatted(closedPort));

        ChangeOutcome outcome = result.changes().get(0);
        assertThat(outcome.status()).isEqualTo(ChangeStatus.FAILED);
        assertThat(outcome.message()).contains("did not answer healthy within 2s")
                .contains("last error: GET http://127.0.0.1:" + closedPort + "/health: connection refused")
                .contains("cannot be rolled back: " + RestartAction.NOT_REVERSIBLE);
        assertThat(outcome.after()).containsEntry("healthy", "false").containsKey("waitedMs");
        assertThat(Integer.parseInt(outcome.after().get("healthChecks"))).isGreaterThan(2);
        assertThat(Long.parseLong(outcome.after().get("waitedMs"))).isBetween(1_900L, 10_000L);
    }

    @Test
    void waitsForTheServiceOfTheProbeNamedByWaitForWithItsPassword(LocalSshd sshd) throws Exception {
        try (LocalRedis redis = LocalRedis.start(dir.resolve("redis"), REDIS_PASSWORD)) {
            RunResult result = apply(sshd, """
                    services:
                      lb: { type: http, url: "http://127.0.0.1:9/never-asked" }
                      cache: { type: redis, address: 127.0.0.1, port: %d, password: "${env:REDIS_PW}" }
                    probes:
                      cache-ping: { service: cache, requests: 10 }
                    tuning:
                      - { restart: lb, host: box, command: ["true"], waitFor: cache-ping, deadline: 10s }
                    """.formatted(redis.port()));

            ChangeOutcome outcome = result.changes().get(0);
            assertThat(outcome.status()).as(outcome.message()).isEqualTo(ChangeStatus.APPLIED);
            assertThat(outcome.message()).contains("'cache' answered healthy")
                    .contains("PING to 127.0.0.1:" + redis.port() + " answered PONG");
            assertThat(Files.readString(dir.resolve("out").resolve(ResultFiles.RESULT_JSON))
                    + Files.readString(dir.resolve("out").resolve(EvidenceLog.FILE_NAME)))
                    .contains("PONG").doesNotContain(REDIS_PASSWORD);
        }
    }

    @Test
    void failsWithTheCommandsErrorWhenTheRestartCommandFails(LocalSshd sshd, LocalNginxBalancer nginx)
            throws Exception {
        RunResult result = apply(sshd, """
                services:
                  lb: { type: http, url: "%s/health" }
                tuning:
                  - { restart: lb, host: box, command: [sh, -c, "echo no such container >&2; exit 1"] }
                """.formatted(nginx.url()));

        ChangeOutcome outcome = result.changes().get(0);
        assertThat(outcome.status()).isEqualTo(ChangeStatus.FAILED);
        assertThat(outcome.message()).contains("restart command 'sh' exited 1").contains("no such container");
    }

    @Test
    void planReadsHealthAndRunsNothing(LocalSshd sshd, LocalNginxBalancer nginx) throws Exception {
        Path created = dir.resolve("created");
        LoadedSpec loaded = load(sshd, """
                services:
                  lb: { type: http, url: "%s/health" }
                tuning:
                  - { restart: lb, host: box, command: [touch, "%s"] }
                """.formatted(nginx.url(), created));

        List<ChangeOutcome> plan = tuning().plan(loaded, TuningListener.SILENT);

        assertThat(created).doesNotExist();
        assertThat(plan).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(ChangeStatus.PLANNED);
            assertThat(outcome.target()).isEqualTo("service lb on " + sshd.user() + "@box");
            assertThat(outcome.before()).containsEntry("healthy", "true");
            assertThat(outcome.message()).contains("would run [touch, " + created + "]")
                    .contains(RestartAction.NOT_REVERSIBLE).contains("waits up to 60s");
        });
    }

    @Test
    void plansDockerRestartForAContainerAndSystemctlRestartForAUnit(LocalSshd sshd, LocalNginxBalancer nginx)
            throws Exception {
        LoadedSpec loaded = load(sshd, """
                services:
                  lb: { type: http, url: "%s/health" }
                tuning:
                  - { restart: lb, host: box, container: python-load-balancer }
                  - { restart: lb, host: box, unit: "-H.service", deadline: 1500ms }
                """.formatted(nginx.url()));

        List<ChangeOutcome> plan = tuning().plan(loaded, TuningListener.SILENT);

        assertThat(plan).extracting(ChangeOutcome::target).containsExactly(
                "container python-load-balancer on " + sshd.user() + "@box",
                "unit -H.service on " + sshd.user() + "@box");
        assertThat(plan.get(0).message()).contains("would run [docker, restart, python-load-balancer]");
        assertThat(plan.get(1).message()).contains("would run [systemctl, restart, --, -H.service]")
                .contains("waits up to 1500ms");
    }

    @Test
    void refusesAWaitForProbeThatHasNoService(LocalSshd sshd) throws Exception {
        RunResult result = apply(sshd, """
                services:
                  lb: { type: http, url: "http://127.0.0.1:9/health" }
                probes:
                  mem: { type: host, host: box }
                tuning:
                  - { restart: lb, host: box, command: ["true"], waitFor: mem }
                """);

        ChangeOutcome outcome = result.changes().get(0);
        assertThat(outcome.status()).isEqualTo(ChangeStatus.NOT_STARTED);
        assertThat(outcome.knownToFail()).contains("waitFor names probe 'mem', a host probe");
        assertThat(result.evidence()).extracting(e -> e.step().word()).containsExactly("not-started");
    }

    private static int reconfigurations(LocalNginxBalancer nginx) throws Exception {
        return (int) Files.readAllLines(nginx.errorLog()).stream().filter(line -> line.endsWith(": reconfiguring"))
                .count();
    }

    /** nginx logs the reload asynchronously; poll its log until the count is reached or a deadline passes. */
    private static int awaitReconfigurations(LocalNginxBalancer nginx, int wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int seen = reconfigurations(nginx);
        while (seen < wanted && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = reconfigurations(nginx);
        }
        return seen;
    }

    private RunResult apply(LocalSshd sshd, String rest) throws Exception {
        return RestartRuns.apply(dir.resolve("out"), sshd, rest, SECRETS);
    }

    private static Tuning tuning() {
        return RestartRuns.tuning(SECRETS);
    }

    private static LoadedSpec load(LocalSshd sshd, String rest) throws Exception {
        return RestartRuns.load(sshd, rest, SECRETS);
    }

    private static String argv(String... arguments) throws Exception {
        return RestartRuns.argv(arguments);
    }
}
