package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.clusterbench.local.LocalSshd;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.EffectVerdict;
import io.clusterbench.result.MetricEffect;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.testkit.RealServers;
import io.clusterbench.tune.EvidenceLog;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clusterbench run} with {@code rollbackIfWorse: true}: a tuning that really makes a service slower is
 * measured as a significant regression of a key objective and rolled back, with evidence.
 */
@ExtendWith(RealServers.class)
class RollbackIfWorseTest {

    @Test
    void rollsBackATuningThatMadeAKeyObjectiveSignificantlyWorse(LocalSshd sshd, @TempDir Path dir) throws Exception {
        // The "service": answers after the delay (ms) written in a file, which the tuning changes over SSH.
        Path delayFile = Files.writeString(dir.resolve("delay-ms"), "0");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try {
                TimeUnit.MILLISECONDS.sleep(Long.parseLong(Files.readString(delayFile).strip()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Path spec = Files.writeString(dir.resolve("cluster.yaml"), """
                    cluster: worse
                    hosts:
                      box: { address: 127.0.0.1, port: %d, user: "%s", keyFile: "%s", knownHosts: "%s" }
                    services:
                      api: { type: http, url: "http://127.0.0.1:%d/" }
                    probes:
                      api-latency: { service: api, concurrency: 2, requests: 100, warmup: 0s }
                    tuning:
                      - id: slow-down
                        ssh-command: box
                        run: [sh, -c, 'echo 20 > "$1"', sh, "%s"]
                        undo: [sh, -c, 'echo 0 > "$1"', sh, "%s"]
                        check: [cat, "%s"]
                    objectives:
                      - { metric: api-latency.p50_ms, pass: "<= 1000", key: true }
                    settings: { rollbackIfWorse: true, extraRounds: 0 }
                    """.formatted(sshd.port(), sshd.user(), sshd.clientKey(), sshd.knownHostsFile(),
                    server.getAddress().getPort(), delayFile, delayFile, delayFile));
            Path out = dir.resolve("run");

            CliRun run = CliRun.of("run", spec.toString(), "--out", out.toString());

            RunResult result = ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON));
            assertThat(result.comparison().regressed()).as(run.out()).isTrue();
            assertThat(result.comparison().rolledBack()).isTrue();
            assertThat(result.changes().get(0).status()).isEqualTo(ChangeStatus.ROLLED_BACK);
            assertThat(Files.readString(delayFile).strip()).isEqualTo("0");
            // Alternating ABBAABBAAB: applied before rounds 2, 6 and 10, rolled back before 4 and 8, then by
            // rollbackIfWorse; every switch read back.
            assertThat(EvidenceLog.read(out.resolve("tuning").resolve(EvidenceLog.FILE_NAME)))
                    .extracting(e -> e.step().word())
                    .containsExactly("applying", "applied", "rolling-back", "rolled-back", "applying", "applied",
                            "rolling-back", "rolled-back", "applying", "applied", "rolling-back", "rolled-back");
            assertThat(result.comparison().design()).isEqualTo(RunComparison.ALTERNATING);
            assertThat(result.comparison().order()).isEqualTo("ABBAABBAAB");
            MetricEffect p50 = result.comparison().metrics().get(0);
            assertThat(p50.verdict()).isEqualTo(EffectVerdict.WORSE);
            // 20 ms of delay planted: the interval of the change holds it.
            assertThat(p50.changeLow()).isLessThanOrEqualTo(21.0);
            assertThat(p50.changeHigh()).isGreaterThanOrEqualTo(19.0);
            assertThat(run.out()).contains("rollbackIfWorse: rolling the tuning back");
        } finally {
            server.stop(0);
        }
    }
}
