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
}
