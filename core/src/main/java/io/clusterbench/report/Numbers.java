package io.clusterbench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Locale;

/** Formats numbers the same way in every report, so a value can be found by searching for it. */
final class Numbers {

    /** Six significant digits: enough for any measurement here, few enough to read. */
    private static final MathContext SIGNIFICANT = new MathContext(6);

    private Numbers() {
    }

    /** A number without exponent or grouping, at most six significant digits, no trailing zeros. */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
    }

    /** A nullable number, with a dash for null. */
    static String format(Double value) {
        return value == null ? "-" : format(value.doubleValue());
    }

    /** A number followed by its unit, such as {@code 1.25 ms}; a dash for null. */
    static String withUnit(Double value, String unit) {
        if (value == null) {
            return "-";
        }
        return unit == null || unit.isBlank() ? format(value) : format(value) + " " + unit;
    }

    /** A signed percentage with one decimal, such as {@code +12.5%}; a dash for null. */
    static String percentChange(Double percent) {
        if (percent == null) {
            return "-";
        }
        String text = String.format(Locale.ROOT, "%+.1f%%", percent);
        return text.equals("-0.0%") ? "+0.0%" : text;
    }

    /** A p-value, four significant digits, or a dash. */
    static String pValue(Double p) {
        if (p == null) {
            return "-";
        }
        return p == 0 ? "0" : new BigDecimal(p).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A duration in seconds with millisecond precision, such as {@code 12.345 s}. */
    static String duration(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).toPlainString() + " s";
    }

    /** Yes or no. */
    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
