package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalRedis;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.RunResult;
import io.clusterbench.testkit.RealServers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clusterbench run} adds alternating rounds when a compared metric's rounds were too noisy to promise
 * anything (settings.extraRounds), and says so in the console and the result.
 */
@ExtendWith(RealServers.class)
class RunExtraRoundsTest {

    private static final int PER_ROUND = 20;
    /**
     * Each new connection (every round opens its own) is answered this many ms late, in turn: a cycle of 3 against
     * the ABBA cycle of 4, so that both conditions get every delay, factors of 20 apart.
     */
    private static final long[] DELAY_MS = {1, 20, 5};

    @Test
    void addsTheConfiguredRoundsPerConditionWhenTheFirstOnesWereTooNoisy(LocalRedis redis, @TempDir Path dir)
            throws Exception {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        AtomicInteger connections = new AtomicInteger();
        Thread acceptor = new Thread(() -> serve(server, connections), "noisy-http");
        acceptor.setDaemon(true);
        acceptor.start();
        try {
            Path spec = Files.writeString(dir.resolve("cluster.yaml"), """
                    cluster: noisy
                    services:
                      cache: { type: redis, address: 127.0.0.1, port: %d }
                      api: { type: http, url: "http://127.0.0.1:%d/" }
                    probes:
                      api-latency: { service: api, concurrency: 1, requests: %d, warmup: 0s }
                    tuning:
                      - { redis-config: cache, set: { slowlog-max-len: 333 } }
                    objectives:
                      - { metric: api-latency.p50_ms, pass: "<= 1000", key: true }
                    settings: { extraRounds: 3, lease: none }
                    """.formatted(redis.port(), server.getLocalPort(), PER_ROUND));
            Path out = dir.resolve("run");

            CliRun run = CliRun.of("run", spec.toString(), "--out", out.toString());

            assertThat(run.exitCode()).as(run.out() + run.err()).isIn(0, 1);
            RunResult result = ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON));
            RunComparison comparison = result.comparison();
            assertThat(comparison.design()).isEqualTo(RunComparison.ALTERNATING);
            assertThat(comparison.roundsPerCondition()).as(run.out()).isEqualTo(8);
            assertThat(comparison.order()).isEqualTo("ABBAABBAABBAABBA");
            assertThat(comparison.designNote()).containsPattern("api-latency\\.p(50|99)_ms \\(only a change beyond")
                    .contains("3 more rounds of each followed (about ").contains("settings.extraRounds allows 3 more)");
            assertThat(run.out()).contains("needed more rounds, so 3 more rounds of each followed", "-- round 16/16: A");
            assertThat(result.probes().get(0).rounds()).extracting(r -> r.condition()).containsOnly("B").hasSize(8);
            assertThat(out.resolve("rounds").resolve("16-A").resolve(ResultFiles.RESULT_JSON)).exists();
            assertThat(connections.get()).as("every round opens its own connection").isGreaterThanOrEqualTo(16);
        } finally {
            server.close();
        }
    }

    /**
     * A minimal HTTP/1.1 server on plain sockets (no Nagle, no delayed-ACK stalls, which java's HttpServer adds and
     * which would hide the delays): every request of the n-th connection is answered after DELAY_MS[n % 3] ms.
     */
    private static void serve(ServerSocket server, AtomicInteger connections) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                long delay = DELAY_MS[connections.getAndIncrement() % DELAY_MS.length];
                Thread handler = new Thread(() -> answer(socket, delay), "noisy-http-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void answer(Socket socket, long delayMs) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.ISO_8859_1)); OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            byte[] answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok"
                    .getBytes(StandardCharsets.ISO_8859_1);
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    continue;
                }
                // The end of one request's headers (GET has no body): answer it after this connection's delay.
                TimeUnit.MILLISECONDS.sleep(delayMs);
                out.write(answer);
                out.flush();
            }
        } catch (IOException | InterruptedException gone) {
            // The probe closed its connection at the end of its round.
        }
    }
}
