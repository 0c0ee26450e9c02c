package io.clusterbench.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RemoteCommandLineTest {

    @Test
    void reportsTheShellPidThenBecomesTheQuotedCommand() throws IOException, InterruptedException {
        String line = RemoteCommandLine.reportingPid(List.of("sh", "-c", "echo \"$$ $0\"", "it's"));
        Process shell = new ProcessBuilder("/bin/sh", "-c", line).start();
        String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shell.waitFor(10, TimeUnit.SECONDS)).isTrue();

        // exec keeps the process id: the reported pid is the one the command itself runs as.
        String[] lines = output.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).isEqualTo(lines[0] + " it's");
    }

    @Test
    void stripsThePidLineAndRemembersThePid() throws IOException {
        var stdout = new RemoteCommandLine.StdoutWithoutPid(stream("12345\n678\nrest"));

        assertThat(new String(stdout.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("678\nrest");
        assertThat(stdout.pid()).hasValue(12345);
    }

    @Test
    void knowsNoPidBeforeTheFirstRead() {
        var stdout = new RemoteCommandLine.StdoutWithoutPid(stream("12345\n"));

        assertThat(stdout.pid()).isEmpty();
    }

    @Test
    void killsTheWholeProcessGroup() {
        assertThat(RemoteCommandLine.killGroup(4242)).containsExactly("kill", "-s", "KILL", "--", "-4242");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
