package io.clusterbench.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShellQuotingTest {

    @Test
    void wrapsPlainArgumentInSingleQuotes() {
        assertThat(ShellQuoting.quote("uptime")).isEqualTo("'uptime'");
    }

    @Test
    void writesSingleQuoteAsCloseEscapeReopen() {
        assertThat(ShellQuoting.quote("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void quotesEmptyArgumentSoThatItStaysAnArgument() {
        assertThat(ShellQuoting.quote("")).isEqualTo("''");
    }

    @Test
    void leavesEveryOtherCharacterInsideTheQuotesUnchanged() {
        String nasty = "$(id) `id` ; && | \\ * \" \n $HOME";
        assertThat(ShellQuoting.quote(nasty)).isEqualTo("'" + nasty + "'");
    }

    @Test
    void joinsQuotedArgumentsWithSingleSpaces() {
        assertThat(ShellQuoting.commandLine(List.of("echo", "a b", "", "c'd")))
                .isEqualTo("'echo' 'a b' '' 'c'\\''d'");
    }

    @Test
    void refusesEmptyArgumentList() {
        assertThatThrownBy(() -> ShellQuoting.commandLine(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one argument");
    }

    @Test
    void refusesNulCharacterWhichNoProcessCanReceive() {
        assertThatThrownBy(() -> ShellQuoting.commandLine(List.of("echo", "a\0b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
    }

    @Test
    void localPosixShellReceivesEveryArgumentLiterally() throws IOException, InterruptedException {
        // The same check the SSH tests make remotely, against this machine's /bin/sh, for quick feedback.
        List<String> arguments = List.of("a b", "it's", "\"dq\"", "x;y", "$(id)", "`id`", "line1\nline2", "*",
                "&&", "|", "\\", "", "'", "''", "\\'");
        List<String> argv = new java.util.ArrayList<>(List.of("printf", "%s\\0"));
        argv.addAll(arguments);
        Process shell = new ProcessBuilder("/bin/sh", "-c", ShellQuoting.commandLine(argv)).start();
        byte[] output = shell.getInputStream().readAllBytes();
        assertThat(shell.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(shell.exitValue()).isZero();
        assertThat(new String(output, StandardCharsets.UTF_8)).isEqualTo(String.join("\0", arguments) + "\0");
    }
}
