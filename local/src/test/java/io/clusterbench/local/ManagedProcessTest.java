package io.clusterbench.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    @TempDir
    Path dir;

    @Test
    void failsEarlyWithCommandAndLogTailWhenServerCannotBind() throws Exception {
        String redis = Binaries.system().locate(ServerBinary.REDIS_SERVER).toString();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            List<String> command = List.of(redis, "--port", String.valueOf(taken.getLocalPort()), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no");
            ManagedProcess process = ManagedProcess.start("redis", command, dir, List.of());
            long started = System.nanoTime();

            assertThatThrownBy(() -> process.awaitReady(Duration.ofSeconds(30), () -> false))
                    .isInstanceOf(LocalServerException.class)
                    .hasMessageStartingWith("redis exited with code 1 before it was ready")
                    .hasMessageContaining("(command: " + redis + " --port " + taken.getLocalPort())
                    .hasMessageContaining("last lines of " + dir.resolve("redis.out.log"))
                    .hasMessageContaining("Address already in use");
            // Exiting early means well before the 30 s deadline.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void stopsProcessAndSaysSoWhenNeverReady() throws Exception {
        ManagedProcess process = ManagedProcess.start("sleeper", List.of("sleep", "60"), dir, List.of());

        assertThatThrownBy(() -> process.awaitReady(Duration.ofMillis(300), () -> {
            throw new IllegalStateException("still booting");
        })).hasMessageStartingWith("sleeper did not become ready within 300 ms (last check: "
                + "IllegalStateException: still booting) (command: sleep 60)");
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void returnsOnceCheckHolds() throws Exception {
        ManagedProcess process = ManagedProcess.start("echoer",
                List.of("sh", "-c", "echo listening; exec sleep 60"), dir, List.of());
        try {
            process.awaitReady(Duration.ofSeconds(10),
                    () -> Files.readString(process.outputLog()).contains("listening"));

            assertThat(process.isAlive()).isTrue();
        } finally {
            process.stop();
        }
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void killsProcessAndChildrenThatIgnoreSigterm() throws Exception {
        ManagedProcess process = ManagedProcess.start("stubborn",
                List.of("sh", "-c", "trap '' TERM; sleep 60 & echo trapped; wait"), dir, List.of());
        process.awaitReady(Duration.ofSeconds(10), () -> Files.readString(process.outputLog()).contains("trapped"));
        List<ProcessHandle> children = process.handle().descendants().toList();

        process.stop(Duration.ofMillis(200));

        assertThat(process.isAlive()).isFalse();
        assertThat(children).isNotEmpty().allMatch(ManagedProcess::hasStopped);
    }

    @Test
    void stoppingTwiceIsHarmless() throws Exception {
        ManagedProcess process = ManagedProcess.start("sleeper", List.of("sleep", "60"), dir, List.of());

        process.stop();
        process.stop();

        assertThat(process.isAlive()).isFalse();
    }
}
