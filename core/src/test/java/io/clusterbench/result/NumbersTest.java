package io.clusterbench.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every layer prints a number by one rule: four significant digits, whole digits kept, no exponent. */
class NumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, 0",
        "-0.0, 0",
        "1, 1",
        "-2.5, -2.5",
        "2.217, 2.217",
        "2.21749, 2.217",
        "-2.21751, -2.218",
        "0.00031249, 0.0003125",
        "999.96, 1000",
        "25127.94, 25128",
        "123456789, 123456789",
        "-123456789.5, -123456790",
        "1e-9, 0.000000001",
        "1.23456e-9, 0.000000001235",
        "NaN, n/a",
        "Infinity, inf",
        "-Infinity, -inf",
    })
    void formatsWithFourSignificantDigitsKeepingWholeDigitsAndNoExponent(double value, String expected) {
        assertThat(Numbers.format(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "p {0} -> {1}")
    @CsvSource({
        "0, p < 0.0001",
        "1e-300, p < 0.0001",
        "0.0000999, p < 0.0001",
        "0.0001, p = 0.0001",
        "0.000123456, p = 0.00012",
        "0.04, p = 0.04",
        "0.04249, p = 0.042",
        "0.5, p = 0.5",
        "1, p = 1",
        "NaN, p = n/a",
    })
    void printsPValuesWithTwoSignificantDigitsAndAFloor(double p, String expected) {
        assertThat(Numbers.pValue(p)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "1.8, ms, 1.8 ms",
        "85, percent, 85%",
        "85, %, 85%",
        "0.954, ratio, 0.954",
        "100000, count, 100000",
        "12.5, '', 12.5",
        "2500.4, req/s, 2500 req/s",
        "NaN, ms, n/a ms",
    })
    void printsAValueWithItsUnitAsPeopleWriteIt(double value, String unit, String expected) {
        assertThat(Numbers.withUnit(value, unit)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}% -> {1}")
    @CsvSource({
        "12.345, +12.35%",
        "-3.5, -3.5%",
        "0, +0%",
        "-0.0, +0%",
        "-0.00001, -0.00001%",
        "1234.56, +1235%",
        "NaN, n/a%",
    })
    void printsSignedPercentagesWithTheSameDigits(double percent, String expected) {
        assertThat(Numbers.signedPercent(percent)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, 0.0",
        "87.84, 87.8",
        "87.85, 87.9",
        "90, 90.0",
        "100, 100.0",
        "-0.04, 0.0",
        "NaN, n/a",
    })
    void printsScoresWithExactlyOneDecimal(double score, String expected) {
        assertThat(Numbers.score(score)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({
        "0, 0 ms",
        "250, 250 ms",
        "999, 999 ms",
        "1000, 1 s",
        "12345, 12.35 s",
        "3723456, 3723 s",
    })
    void printsDurationsInMillisecondsBelowASecondElseSeconds(long millis, String expected) {
        assertThat(Numbers.duration(Duration.ofMillis(millis))).isEqualTo(expected);
    }

    @Test
    void printsADashForAnAbsentValue() {
        assertThat(Numbers.format((Double) null)).isEqualTo("-");
        assertThat(Numbers.withUnit(null, "ms")).isEqualTo("-");
        assertThat(Numbers.signedPercent(null)).isEqualTo("-");
        assertThat(Numbers.pValue(null)).isEqualTo("-");
        assertThat(Numbers.duration(null)).isEqualTo("-");
    }
}
