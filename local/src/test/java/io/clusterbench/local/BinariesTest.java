package io.clusterbench.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BinariesTest {

    @TempDir
    Path emptyFolder;

    @Test
    void locatesInstalledServerAsAbsoluteExecutablePath() throws LocalServerException {
        Path redis = Binaries.system().locate(ServerBinary.REDIS_SERVER);

        assertThat(redis).isAbsolute().isExecutable();
        assertThat(redis.getFileName()).hasToString("redis-server");
    }

    @Test
    void findsSshdInSbinEvenWhenPathLacksIt() throws LocalServerException {
        // sshd lives in /usr/sbin, which is searched whatever PATH says.
        assertThat(Binaries.system().locate(ServerBinary.SSHD).getParent()).hasToString("/usr/sbin");
    }

    static Stream<Arguments> packages() {
        return Stream.of(
                Arguments.of(ServerBinary.REDIS_SERVER, "redis-server"),
                Arguments.of(ServerBinary.SSHD, "openssh-server"),
                Arguments.of(ServerBinary.SSH_KEYGEN, "openssh-client"),
                Arguments.of(ServerBinary.NGINX, "nginx"),
                Arguments.of(ServerBinary.PROMETHEUS, "prometheus"),
                Arguments.of(ServerBinary.NODE_EXPORTER, "prometheus-node-exporter"),
                Arguments.of(ServerBinary.PUSHGATEWAY, "prometheus-pushgateway"));
    }

    @ParameterizedTest
    @MethodSource("packages")
    void missingBinaryFailsGivingInstallCommand(ServerBinary binary, String aptPackage) {
        Binaries nowhere = Binaries.in(List.of(emptyFolder));

        assertThatThrownBy(() -> nowhere.locate(binary))
                .isInstanceOf(LocalServerException.class)
                .hasMessage(binary.executable() + " not found (looked in " + emptyFolder
                        + "): install it with: apt-get install -y " + aptPackage);
        assertThat(nowhere.isInstalled(binary)).isFalse();
    }

    @Test
    void systemSearchMessageNamesPathAndSbinFolders() {
        ServerBinary absent = new ServerBinary("clusterbench-no-such-server", "clusterbench-no-such-package");

        assertThatThrownBy(() -> Binaries.system().locate(absent))
                .hasMessage("clusterbench-no-such-server not found (looked in PATH, /usr/sbin, /usr/bin, /sbin): "
                        + "install it with: apt-get install -y clusterbench-no-such-package");
    }

    @Test
    void ignoresFilesThatAreNotExecutable() throws Exception {
        Files.writeString(emptyFolder.resolve("nginx"), "not a program");

        assertThat(Binaries.in(List.of(emptyFolder)).isInstalled(ServerBinary.NGINX)).isFalse();
    }

    @Test
    void whyMissingNamesTheFirstMissingBinary() throws Exception {
        Files.createSymbolicLink(emptyFolder.resolve("sshd"), Binaries.system().locate(ServerBinary.SSHD));
        Binaries onlySshd = Binaries.in(List.of(emptyFolder));

        try {
            assertThat(onlySshd.whyMissing(ServerBinary.SSHD)).isEmpty();
            assertThat(onlySshd.whyMissing(ServerBinary.SSHD, ServerBinary.SSH_KEYGEN))
                    .hasValueSatisfying(reason -> assertThat(reason)
                            .startsWith("ssh-keygen not found").endsWith("apt-get install -y openssh-client"));
        } finally {
            // JUnit warns about deleting links that point out of a temporary folder.
            Files.delete(emptyFolder.resolve("sshd"));
        }
    }
}
