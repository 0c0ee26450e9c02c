package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.TaskListener;
import io.clusterbench.engine.ClusterBench;
import io.clusterbench.local.LocalRedis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planted secrets through the channels a build gives them to {@code benchmarkCluster}: one as {@code withCredentials}
 * (or a {@code credentials:} binding) hands it to the step, bound to the name the spec's {@code ${env:NAME}} reads,
 * and one in a {@code ${file:...}} the agent reads; each is the {@code requirepass} of a real redis-server the step
 * benchmarks. Then neither may be in any file the step wrote (its out folder and the build's details file), in the
 * console, or on any process's command line while the step ran.
 *
 * <p>Everything here is what the agent runs ({@link BenchmarkOnAgent}) except the decryption of the build's
 * {@code hudson.util.Secret}s, which needs Jenkins; {@code CredentialBindingITest} covers that part in the Jenkins
 * build.
 */
class SecretLeakTest {
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final TaskListener listener = new ConsoleOnly(new PrintStream(log, true, StandardCharsets.UTF_8));

    /** The build's console, and nothing else a callable on the agent uses of a listener. */
    private record ConsoleOnly(PrintStream logger) implements TaskListener {
        @Override
        public PrintStream getLogger() {
            return logger;
        }
    }

    @Test
    void boundAndFileSecretsReachRedisButNoFileConsoleOrCommandLine(@TempDir Path dir) throws Exception {
        String bound = "bound-" + Long.toHexString(System.nanoTime()) + "-Secret";
        String fromFile = "file-" + Long.toHexString(System.nanoTime() * 31) + "-Secret";
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        Path secretFile = Files.writeString(dir.resolve("agent-secret"), fromFile + "\n");
        try (LocalRedis boundRedis = LocalRedis.start(dir.resolve("redis-bound"), bound);
                LocalRedis fileRedis = LocalRedis.start(dir.resolve("redis-file"), fromFile)) {
            Files.writeString(workspace.resolve("cluster.yaml"), """
                    cluster: planted
                    services:
                      bound: { type: redis, address: 127.0.0.1, port: %d, password: "${env:REDIS_PASSWORD}" }
                      file: { type: redis, address: 127.0.0.1, port: %d, password: "${file:%s}" }
                    probes:
                      bound-latency: { service: bound, clients: 2, requests: 2000, warmup: 0s }
                      file-latency: { service: file, clients: 2, requests: 2000, warmup: 0s }
                    objectives:
                      - { metric: bound-latency.p99_ms, pass: "<= 5000" }
                      - { metric: file-latency.p99_ms, pass: "<= 5000" }
                    """.formatted(boundRedis.port(), fileRedis.port(), secretFile));
            // What AgentEngine.with makes of the build's secrets, once decrypted on the agent.
            ClusterBench engine = ClusterBench.withSecrets(
                    new BoundSecretResolver(Map.of("REDIS_PASSWORD", bound), name -> null));
            BenchmarkOnAgent step = new BenchmarkOnAgent("cluster.yaml", "clusterbench", List.of(), listener,
                    new HashMap<>());

            CommandLineWatch watch = CommandLineWatch.start(List.of(bound, fromFile));
            BenchmarkOutcome outcome;
            try {
                outcome = step.benchmark(workspace.toFile(), engine);
            } finally {
                watch.stop();
            }
            Path build = Files.createDirectories(dir.resolve("build"));
            ClusterBenchAction result = ClusterBenchAction.of(outcome, "clusterbench");
            DetailsFile.write(DetailsFile.folderOf(build.toFile()), result.getId(), result.details());

            assertThat(outcome.verdict()).as("both Redis servers answered with their password").isEqualTo("PASS");
            assertThat(outcome.metrics()).containsKeys("bound-latency.p99_ms", "file-latency.p99_ms");
            List<Path> written = filesUnder(workspace.resolve("clusterbench"), build);
            assertThat(written).extracting(f -> f.getFileName().toString())
                    .contains("result.json", "audit-report.md", "audit-report.html", "junit.xml", "clusterbench.json");
            for (Path file : written) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(bound, fromFile);
            }
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("Cluster Bench verdict: PASS")
                    .doesNotContain(bound, fromFile);
            assertThat(SummarySizeTest.xstreamLikeSize(result)).isPositive();
            assertThat(watch.scans()).as("the process list was read while the step ran").isPositive();
            assertThat(watch.commandLinesRead()).isPositive();
            assertThat(watch.leaks()).isEmpty();
        }
    }

    @Test
    void theCommandLineWatchFindsASecretOnACommandLine() throws Exception {
        String planted = "planted-" + Long.toHexString(System.nanoTime());
        Process visible = new ProcessBuilder("sh", "-c", "read line", "sh", planted).start();
        try {
            CommandLineWatch watch = CommandLineWatch.start(List.of(planted));
            while (watch.leaks().isEmpty() && visible.isAlive()) {
                Thread.onSpinWait();
            }
            watch.stop();

            assertThat(watch.leaks()).isNotEmpty()
                    .allSatisfy(leak -> assertThat(leak).startsWith("pid " + visible.pid() + ":"));
        } finally {
            visible.destroy();
            visible.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static List<Path> filesUnder(Path... roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        return files;
    }

    /**
     * Reads every process's command line ({@code /proc/<pid>/cmdline}, what {@code ps -eo args} shows) over and over
     * in a thread of its own until stopped, and notes any that holds a secret.
     */
    private static final class CommandLineWatch {
        private final List<String> secrets;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger scans = new AtomicInteger();
        private final AtomicInteger commandLines = new AtomicInteger();
        private final List<String> leaks = new ArrayList<>();
        private final Thread thread;

        private CommandLineWatch(List<String> secrets) {
            this.secrets = secrets;
            this.thread = new Thread(this::watch, "command-line-watch");
        }

        static CommandLineWatch start(List<String> secrets) {
            CommandLineWatch watch = new CommandLineWatch(secrets);
            watch.thread.setDaemon(true);
            watch.thread.start();
            return watch;
        }

        private void watch() {
            while (running.get()) {
                scanOnce();
                // Pacing only, so the watch leaves the benchmark a CPU; nothing waits on it.
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
            scanOnce();
        }

        private void scanOnce() {
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .forEach(this::check);
            } catch (IOException e) {
                throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
            }
            scans.incrementAndGet();
        }

        private void check(Path process) {
            String commandLine;
            try {
                commandLine = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                        .replace('\0', ' ');
            } catch (IOException e) {
                return; // the process ended between the listing and the read
            }
            commandLines.incrementAndGet();
            for (String secret : secrets) {
                if (commandLine.contains(secret)) {
                    synchronized (leaks) {
                        leaks.add("pid " + process.getFileName() + ": a planted secret is on its command line");
                    }
                }
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        int scans() {
            return scans.get();
        }

        int commandLinesRead() {
            return commandLines.get();
        }

        List<String> leaks() {
            synchronized (leaks) {
                return List.copyOf(leaks);
            }
        }
    }
}
