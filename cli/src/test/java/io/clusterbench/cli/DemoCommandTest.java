package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.ServiceSpec;
import io.clusterbench.spec.SpecLoader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @Test
    void startsRealServersWritesAValidSpecAndStopsThemAgain(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("demo", "--dir", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        Path spec = dir.resolve(DemoCommand.SPEC_FILE);
        assertThat(run.out())
                .contains("started redis")
                .contains("started nginx")
                .contains("Wrote " + spec)
                .contains("valid, cluster 'clusterbench-demo'")
                .contains("bin/clusterbench validate " + spec);

        LoadedSpec loaded = SpecLoader.load(spec);
        ServiceSpec cache = loaded.spec().services().get("cache");
        assertThat(loaded.spec().probes()).containsKeys("cache-latency", "lb-latency");
        assertThat(isListening(cache.port().getAsInt()))
                .as("the demo stops its servers when it ends")
                .isFalse();
    }

    @Test
    void describesEveryOptionalServerItStartsInTheSpec(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("demo", "--dir", dir.toString());

        // sshd, node exporter and Prometheus are installed by scripts/test.sh, so the demo must use them.
        LoadedSpec loaded = SpecLoader.load(dir.resolve(DemoCommand.SPEC_FILE));
        assertThat(run.out()).contains("started sshd").contains("started prometheus");
        assertThat(loaded.spec().hosts()).containsKey("local");
        assertThat(loaded.spec().services()).containsKey("metrics");
        assertThat(loaded.spec().probes()).containsKeys("memory", "node-up");
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void refusesAnUnusableFolderWithTheEnvironmentExitCode(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a-file");
        java.nio.file.Files.writeString(file, "not a folder");

        CliRun run = CliRun.of("demo", "--dir", file.resolve("sub").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.err()).contains("choose a writable folder with --dir").doesNotContain("\tat ");
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
