package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "validate", "benchmark", "tune", "run", "assert", "trend", "demo"})
    void everyCommandExplainsItselfWithHelp(String subcommand) {
        CliRun run = subcommand.isEmpty() ? CliRun.of("--help") : CliRun.of(subcommand, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: clusterbench" + (subcommand.isEmpty() ? "" : " " + subcommand));
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2:invalid spec", "3:environment problem", "130:interrupted", "70:internal error"})
    void topLevelHelpListsTheExitCodes(String codeAndMeaning) {
        String code = codeAndMeaning.substring(0, codeAndMeaning.indexOf(':'));
        String meaning = codeAndMeaning.substring(codeAndMeaning.indexOf(':') + 1);

        assertThat(CliRun.of("--help").out()).containsPattern("(?m)^\\s+" + code + "\\s+" + meaning);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "frobnicate"})
    void aMissingOrUnknownCommandIsAUsageError(String command) {
        CliRun run = command.isEmpty() ? CliRun.of() : CliRun.of(command);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("clusterbench --help");
    }
}
