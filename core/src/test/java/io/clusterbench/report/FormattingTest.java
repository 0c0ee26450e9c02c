package io.clusterbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Markdown escaping keeps tables and text intact; XML and commands keep their boundaries. */
class FormattingTest {

    @Test
    void escapesMarkdownTextAndCodeSoNothingBecomesMarkup() {
        assertThat(MarkdownReport.text("a|b*c_d<e>&[f]", true)).isEqualTo("a\\|b\\*c\\_d\\<e\\>\\&\\[f\\]");
        assertThat(MarkdownReport.text("line\nbreak", false)).isEqualTo("line break");
        assertThat(MarkdownReport.code("a`b", false)).isEqualTo("``a`b``");
        assertThat(MarkdownReport.code("`x", false)).isEqualTo("`` `x ``");
        assertThat(MarkdownReport.code("a|b", true)).isEqualTo("`a\\|b`");
        assertThat(MarkdownReport.code("a|b", false)).isEqualTo("`a|b`");
    }

    @Test
    void replacesCharactersXmlCannotHold() {
        assertThat(XmlText.clean("ok\u0001\u001b[0m\uD800x\t")).isEqualTo("ok\uFFFD\uFFFD[0m\uFFFDx\t");
        assertThat(XmlText.clean("emoji \uD83D\uDE00")).isEqualTo("emoji \uD83D\uDE00");
    }

    @Test
    void quotesCommandArgumentsSoTheirBoundariesShow() {
        assertThat(TuningSections.command(java.util.List.of("sysctl", "-w", "a b", "it's")))
                .isEqualTo("sysctl -w 'a b' 'it'\\''s'");
    }

    @Test
    void listsATuningsParametersInSpecOrderNotHashOrder() {
        java.util.Map<String, String> wanted = new java.util.LinkedHashMap<>();
        for (String name : java.util.List.of("timeout", "tcp-keepalive", "hz", "maxmemory-policy", "appendfsync")) {
            wanted.put(name, "1");
        }
        io.clusterbench.result.ChangeOutcome change = new io.clusterbench.result.ChangeOutcome("cfg", "redis-config",
                "redis://h:1", io.clusterbench.result.ChangeStatus.APPLIED, wanted, wanted, wanted, true, "ok");

        assertThat(TuningSections.beforeAfter(change.before(), change.wanted(), change.after()))
                .isEqualTo("timeout: 1 -> 1 (wanted 1); tcp-keepalive: 1 -> 1 (wanted 1); hz: 1 -> 1 (wanted 1); "
                        + "maxmemory-policy: 1 -> 1 (wanted 1); appendfsync: 1 -> 1 (wanted 1)");
    }

    @Test
    void countsFailuresAndWarningsInTheRightNumber() {
        Doc.Item failure = Line.of("a").item(Doc.Tone.BAD);
        Doc.Item warning = Line.of("b").item(Doc.Tone.WARN);

        assertThat(Findings.tally(java.util.List.of(failure, warning))).isEqualTo("1 failure and 1 warning");
        assertThat(Findings.tally(java.util.List.of(failure, failure, warning, warning)))
                .isEqualTo("2 failures and 2 warnings");
        assertThat(Findings.tally(java.util.List.of())).isEqualTo("0 failures and 0 warnings");
    }
}
