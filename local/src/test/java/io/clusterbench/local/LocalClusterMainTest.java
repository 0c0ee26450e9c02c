package io.clusterbench.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalClusterMainTest {

    @Test
    void quotesValuesSoThatTheShellReadsThemBackLiterally() {
        assertThat(LocalClusterMain.shellQuoted("/tmp/a b/key")).isEqualTo("'/tmp/a b/key'");
        assertThat(LocalClusterMain.shellQuoted("it's $HOME")).isEqualTo("'it'\\''s $HOME'");
    }
}
