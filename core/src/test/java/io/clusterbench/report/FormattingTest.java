package io.clusterbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Numbers print the same everywhere, and Markdown escaping keeps tables and text intact. */
class FormattingTest {

    @Test
    void printsNumbersWithSixSignificantDigitsAndNoExponent() {
        assertThat(Numbers.format(2.217)).isEqualTo("2.217");
        assertThat(Numbers.format(25127.94)).isEqualTo("25127.9");
        assertThat(Numbers.format(1e-7)).isEqualTo("0.0000001");
        assertThat(Numbers.format(12_251_100)).isEqualTo("12251100");
        assertThat(Numbers.format(-0.0)).isEqualTo("0");
        assertThat(Numbers.format((Double) null)).isEqualTo("-");
        assertThat(Numbers.withUnit(1.5, "ms")).isEqualTo("1.5 ms");
        assertThat(Numbers.percentChange(-0.04)).isEqualTo("+0.0%");
        assertThat(Numbers.percentChange(12.345)).isEqualTo("+12.3%");
        assertThat(Numbers.pValue(0.000123456)).isEqualTo("0.0001235");
        assertThat(Numbers.duration(Duration.ofMillis(12_345))).isEqualTo("12.345 s");
    }

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
