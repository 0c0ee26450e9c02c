package io.clusterbench.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalClusterTest {

    @TempDir
    Path dir;

    /** JUnit warns about deleting links that point out of a temporary folder, so they go first. */
    @AfterEach
    void removeLinks() throws Exception {
        Path bin = dir.resolve("bin");
        if (Files.isDirectory(bin)) {
            try (var links = Files.list(bin)) {
                for (Path link : links.toList()) {
                    Files.delete(link);
                }
            }
        }
    }

    @Test
    void startsEveryInstalledServerAndStopsAllOnClose() throws Exception {
        List<ProcessHandle> processes;
        try (LocalCluster cluster = LocalCluster.start(dir)) {
            // Every binary is installed on the build machines, so nothing may be skipped here.
            assertThat(cluster.skipped()).isEmpty();
            assertThat(cluster.servers()).extracting(LocalServer::name)
                    .containsExactly("redis", "nginx", "sshd", "node-exporter", "prometheus");
            assertThat(cluster.servers()).allMatch(LocalServer::isAlive);
            assertThat(cluster.sshd()).isPresent();
            assertThat(cluster.prometheus().orElseThrow().nodeExporter()).isSameAs(cluster.nodeExporter().orElseThrow());
            assertThat(cluster.redis().workDir()).isEqualTo(dir.resolve("redis"));
            processes = cluster.servers().stream().map(server -> ProcessHandle.of(server.pid()).orElseThrow()).toList();
        }

        assertThat(processes).hasSize(5).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void recordsWhyOptionalServersWereSkipped() throws Exception {
        Binaries onlyRequired = Binaries.in(List.of(linkedBinaries(ServerBinary.REDIS_SERVER, ServerBinary.NGINX)));

        try (LocalCluster cluster = LocalCluster.start(dir.resolve("cluster"), onlyRequired)) {
            assertThat(cluster.servers()).extracting(LocalServer::name).containsExactly("redis", "nginx");
            assertThat(cluster.sshd()).isEmpty();
            assertThat(cluster.nodeExporter()).isEmpty();
            assertThat(cluster.prometheus()).isEmpty();
            assertThat(cluster.skipped()).hasSize(2);
            assertThat(cluster.skipped().get(0)).startsWith("sshd skipped: sshd not found")
                    .endsWith("apt-get install -y openssh-server");
            assertThat(cluster.skipped().get(1)).startsWith("node exporter and prometheus skipped: ")
                    .endsWith("apt-get install -y prometheus-node-exporter");
        }
    }

    @Test
    void stopsWhatItStartedWhenARequiredServerIsMissing() throws Exception {
        Binaries noNginx = Binaries.in(List.of(linkedBinaries(ServerBinary.REDIS_SERVER)));
        Path clusterDir = dir.resolve("cluster");

        assertThatThrownBy(() -> LocalCluster.start(clusterDir, noNginx))
                .isInstanceOf(LocalServerException.class)
                .hasMessageContaining("apt-get install -y nginx");

        // Redis had started by then; its port, read from its config, must be closed again.
        int redisPort = Files.readAllLines(clusterDir.resolve("redis/redis.conf")).stream()
                .filter(line -> line.startsWith("port ")).mapToInt(line -> Integer.parseInt(line.substring(5)))
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", redisPort), 1000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    private Path linkedBinaries(ServerBinary... binaries) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (ServerBinary binary : binaries) {
            Files.createSymbolicLink(bin.resolve(binary.executable()), Binaries.system().locate(binary));
        }
        return bin;
    }
}
