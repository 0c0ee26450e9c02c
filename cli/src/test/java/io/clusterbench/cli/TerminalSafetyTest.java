package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.testkit.GateCases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server-controlled text never reaches the terminal with its control characters. */
class TerminalSafetyTest {

    @Test
    void aHostileErrorMessageIsPrintedWithVisibleEscapes(@TempDir Path dir) throws Exception {
        GateCases.Case partial = GateCases.all().stream()
                .filter(c -> c.name().equals("a probe killed half-way passes nothing")).findFirst().orElseThrow();
        Path spec = partial.writeSpec(dir);
        Path result = partial.writeResult(dir, spec);
        // What a hostile server could answer: retitle the window (OSC), clear the screen (CSI), hide text (CR, NUL).
        String hostile = "\\u001b]0;pwned\\u0007\\u001b[2J\\rhidden\\u0000";
        Files.writeString(result, Files.readString(result).replace("connection refused", hostile));

        CliRun run = CliRun.of("assert", result.toString(), "--spec", spec.toString());

        assertThat(run.exitCode()).isEqualTo(99);
        assertThat(run.out()).contains("\\x1b]0;pwned\\x07\\x1b[2J\\x0dhidden\\x00");
        assertThat(run.out().chars().filter(c -> !TerminalSafeWriter.printable(c))).isEmpty();
    }

    @Test
    void keepsNewlinesTabsAndTextAsTheyAre() {
        assertThat(TerminalSafeWriter.safe("a\tb\nc é ✓")).isEqualTo("a\tb\nc é ✓");
        assertThat(TerminalSafeWriter.safe("\u009b31m")).isEqualTo("\\x9b31m");
    }
}
