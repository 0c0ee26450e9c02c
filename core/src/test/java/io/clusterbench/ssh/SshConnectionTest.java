package io.clusterbench.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.local.LocalSshd;
import io.clusterbench.ssh.SshException.Reason;
import io.clusterbench.testkit.RealServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RealServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshConnectionTest {
    /** Arguments that a shell would split, expand, substitute or glob if they were not quoted. */
    private static final List<String> NASTY = List.of(
            "two words", "it's", "\"double\"", "a;b", "$(id)", "`id`", "line1\nline2", "*", "/*", "&&", "|",
            "\\", "", "'", "''", "\\'", "$HOME", "${PATH}", "~", "#not-a-comment", "  padded  ", "tab\there",
            "<in", ">out", "!!", "{a,b}", "ünïcødé ✓");

    private final LocalSshd sshd;
    private SshConnection connection;

    SshConnectionTest(LocalSshd sshd) {
        this.sshd = sshd;
    }

    @BeforeAll
    void connect() throws ClusterBenchException {
        SshTarget target = new SshTarget("local", sshd.host(), sshd.port(), sshd.user(),
                new SshAuth.KeyFile(sshd.clientKey()), new HostKeyCheck.KnownHostsFile(sshd.knownHostsFile()),
                Duration.ofSeconds(10), Duration.ofSeconds(30));
        connection = new SshClient().connect(target);
    }

    @AfterAll
    void disconnect() {
        connection.close();
    }

    @Test
    void returnsExitCodeStdoutAndStderr() throws Exception {
        ExecResult result = connection.exec(List.of("sh", "-c", "echo out; echo oops >&2; exit 3"));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("oops\n");
        assertThat(result.stdoutTruncated()).isFalse();
        assertThat(result.stderrTruncated()).isFalse();
        assertThat(result.exitSignal()).isEmpty();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.duration()).isPositive();
    }

    @Test
    void keepsOutputThatLooksLikeAProcessId() throws Exception {
        assertThat(connection.exec(List.of("echo", "4242")).stdout()).isEqualTo("4242\n");
        assertThat(connection.exec(List.of("printf", "no newline")).stdout()).isEqualTo("no newline");
        assertThat(connection.exec(List.of("true")).stdout()).isEmpty();
    }

    @Test
    void passesEveryArgumentLiterally() throws Exception {
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
        argv.addAll(NASTY);

        ExecResult result = connection.exec(argv);

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo(String.join("\0", NASTY) + "\0");
    }

    @Test
    void writesEveryArgumentLiterallyIntoARemoteFileAndRunsNoInjectedCommand(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("args.bin");
        Path pwnedBySubstitution = dir.resolve("pwned-substitution");
        Path pwnedByBackticks = dir.resolve("pwned-backticks");
        Path pwnedBySemicolon = dir.resolve("pwned-semicolon");
        Path pwnedByAnd = dir.resolve("pwned-and");
        List<String> arguments = new ArrayList<>(NASTY);
        arguments.addAll(List.of("$(touch " + pwnedBySubstitution + ")", "`touch " + pwnedByBackticks + "`",
                "; touch " + pwnedBySemicolon, "&& touch " + pwnedByAnd, "'; touch " + pwnedBySemicolon + "; '"));
        List<String> argv = new ArrayList<>(List.of("sh", "-c", "printf '%s\\0' \"$@\" > \"$0\"", file.toString()));
        argv.addAll(arguments);

        assertThat(connection.exec(argv).exitCode()).isZero();

        String expected = String.join("\0", arguments) + "\0";
        ExecResult readBack = connection.exec(List.of("cat", file.toString()));
        assertThat(readBack.stdout()).isEqualTo(expected);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(List.of(pwnedBySubstitution, pwnedByBackticks, pwnedBySemicolon, pwnedByAnd))
                .allSatisfy(path -> assertThat(path).doesNotExist());
    }

    @Test
    void killsCommandThatOutlivesItsTimeoutAndStaysUsable() throws Exception {
        // A sleep length no other process has, so that pgrep finds only this command's shell and its sleep.
        String seconds = "30." + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
        String pattern = "sleep [3]" + seconds.substring(1).replace(".", "\\.");
        List<String> sleeper = List.of("sh", "-c", "sleep " + seconds + "; echo never");

        CompletableFuture<ExecResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return connection.exec(sleeper, Duration.ofSeconds(2));
            } catch (ClusterBenchException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        awaitTrue("the sleeping command shows in pgrep", () -> remoteProcessCount(pattern) >= 2);

        assertThatThrownBy(() -> run.get(20, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SshException.class)
                .cause()
                .hasMessage("ssh host local (127.0.0.1:" + sshd.port() + "): command 'sh' did not finish within 2 s;"
                        + " it was sent KILL and its session closed: raise the timeout or find out why it hangs")
                .satisfies(e -> {
                    assertThat(((SshException) e).reason()).isEqualTo(Reason.COMMAND_TIMEOUT);
                    assertThat(((SshException) e).kind()).isEqualTo(Kind.REMOTE);
                });
        awaitTrue("the sleeping command is gone", () -> remoteProcessCount(pattern) == 0);
        assertThat(connection.isConnected()).isTrue();
        assertThat(connection.exec(List.of("echo", "still usable")).stdout()).isEqualTo("still usable\n");
    }

    @Test
    void timesOutAfterTheGivenTimeNotTheDefault() throws Exception {
        long start = System.nanoTime();

        assertThatThrownBy(() -> connection.exec(List.of("sleep", "20"), Duration.ofMillis(500)))
                .isInstanceOfSatisfying(SshException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.COMMAND_TIMEOUT))
                .hasMessageContaining("command 'sleep' did not finish within 500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(connection.exec(List.of("true")).exitCode()).isZero();
    }

    @Test
    void truncatesStdoutBeyondOneMebibyteAndStillCompletes() throws Exception {
        ExecResult result = connection.exec(List.of("sh", "-c",
                "head -c 5242880 /dev/zero | tr '\\0' a; echo finished >&2"), Duration.ofSeconds(60));

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdoutTruncated()).isTrue();
        assertThat(result.stdout()).hasSize(SshConnection.OUTPUT_CAP_BYTES).matches("a+");
        assertThat(result.stderr()).isEqualTo("finished\n");
        assertThat(result.stderrTruncated()).isFalse();
    }

    @Test
    void truncatesStderrBeyondOneMebibyteWhileStdoutFlows() throws Exception {
        ExecResult result = connection.exec(List.of("sh", "-c",
                "head -c 3145728 /dev/zero | tr '\\0' e >&2; echo done"), Duration.ofSeconds(60));

        assertThat(result.exitCode()).isZero();
        assertThat(result.stderrTruncated()).isTrue();
        assertThat(result.stderr()).hasSize(SshConnection.OUTPUT_CAP_BYTES);
        assertThat(result.stdout()).isEqualTo("done\n");
        assertThat(result.stdoutTruncated()).isFalse();
    }

    @Test
    void reportsTheSignalThatKilledTheCommand() throws Exception {
        ExecResult result = connection.exec(List.of("sh", "-c", "kill -s TERM $$"));

        assertThat(result.exitSignal()).contains("TERM");
        assertThat(result.exitCode()).isEqualTo(ExecResult.NO_EXIT_CODE);
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void givesCommandsAnEmptyStdinSoThatReadersFinish() throws Exception {
        ExecResult result = connection.exec(List.of("cat"), Duration.ofSeconds(10));

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void returnsMissingProgramAsExitCodeNotAsError() throws Exception {
        ExecResult result = connection.exec(List.of("no-such-program-" + UUID.randomUUID()));

        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.stderr()).contains("not found");
    }

    @Test
    void refusesArgumentWithNulCharacter() {
        assertThatThrownBy(() -> connection.exec(List.of("echo", "a\0b")))
                .isInstanceOfSatisfying(SshException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_COMMAND);
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_SPEC);
                })
                .hasMessageContaining("'echo'")
                .hasMessageContaining("NUL");
    }

    @Test
    void runsCommandsConcurrentlyOnOneConnection() throws Exception {
        List<CompletableFuture<String>> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String word = "word" + i;
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return connection.exec(List.of("sh", "-c", "sleep 0.2; echo \"$0\"", word)).stdout();
                } catch (ClusterBenchException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }));
        }
        for (int i = 0; i < runs.size(); i++) {
            assertThat(runs.get(i).get(30, TimeUnit.SECONDS)).isEqualTo("word" + i + "\n");
        }
    }

    private int remoteProcessCount(String pattern) {
        try {
            ExecResult result = connection.exec(List.of("pgrep", "-f", pattern));
            return result.stdout().isBlank() ? 0 : result.stdout().strip().split("\n").length;
        } catch (ClusterBenchException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting until " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
