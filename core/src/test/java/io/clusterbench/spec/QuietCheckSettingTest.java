package io.clusterbench.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** settings.quietCheck: what a run does when the quiet-cluster check finds other load on a target. */
class QuietCheckSettingTest {

    private static final String HEAD = """
            cluster: c
            services: { cache: { type: redis, address: 127.0.0.1 } }
            probes: { p: { service: cache } }
            """;

    private static ClusterSpec load(String tail) throws SpecException {
        return SpecFiles.loadText("q.yaml", HEAD + tail, Map.of()).spec();
    }

    private static List<String> problems(String tail) {
        SpecException[] caught = new SpecException[1];
        assertThatThrownBy(() -> SpecLoader.load("q.yaml", HEAD + tail, Path.of("/specs"), SpecFiles.NO_ENVIRONMENT))
                .isInstanceOfSatisfying(SpecException.class, e -> caught[0] = e);
        return caught[0].problems().stream().map(SpecProblem::format).toList();
    }

    @Test
    void makesADisturbedComparisonInconclusiveByDefault() throws Exception {
        assertThat(load("").settings().quietCheck()).isEqualTo(QuietCheckPolicy.INCONCLUSIVE);
        assertThat(load("settings: { rollback: false }\n").settings().quietCheck())
                .isEqualTo(QuietCheckPolicy.INCONCLUSIVE);
        assertThat(RunSettings.DEFAULT.quietCheck()).isEqualTo(QuietCheckPolicy.INCONCLUSIVE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            inconclusive | INCONCLUSIVE
            record       | RECORD
            off          | OFF
            """)
    void readsEachPolicy(String word, QuietCheckPolicy expected) throws Exception {
        RunSettings settings = load("settings: { maxParallelProbes: 2, quietCheck: " + word + " }\n").settings();

        assertThat(settings).isEqualTo(new RunSettings(true, 2, false, expected));
        assertThat(expected.word()).isEqualTo(word);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            { quietCheck: recrod }   | q.yaml:4:25 settings.quietCheck: must be inconclusive, record or off, got 'recrod' (did you mean 'record'?)
            { quietCheck: false }    | q.yaml:4:25 settings.quietCheck: must be inconclusive, record or off, got false
            { quietCheck: }          | q.yaml:4:24 settings.quietCheck: must be inconclusive, record or off, got nothing
            { quietChek: off }       | q.yaml:4:13 settings.quietChek: unknown key 'quietChek' (did you mean 'quietCheck'?)
            """)
    void reportsABadPolicyWithLineColumnAndTheWordsItTakes(String section, String expected) {
        assertThat(problems("settings: " + section + "\n")).containsExactly(expected);
    }
}
