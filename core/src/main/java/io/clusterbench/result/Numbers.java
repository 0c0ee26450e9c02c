package io.clusterbench.result;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * The one way a number is printed for people, in reports, explanations and on the console, so that a value reads
 * the same everywhere and can be found by searching for it.
 *
 * <p>The rule: at most four significant digits, rounded half up, but never fewer than a number's whole digits
 * ({@code 2.217}, {@code 0.0003125}, {@code 25128}, {@code 123456789}); no exponent, no grouping, no trailing zeros;
 * {@code n/a} for NaN and {@code inf}/{@code -inf} for infinities. Four digits are one more than the three that the
 * latency histograms keep (HdrHistogram at three significant digits), so rounding never hides a digit that was
 * measured; keeping the whole digits means a count is printed exactly and no rounding zero poses as a measured one.
 * Machine formats (JSON, the JUnit {@code time} attribute, SVG coordinates) keep their own exact spelling.
 */
public final class Numbers {

    /** Below this a p-value is shown as {@code p < 0.0001}: smaller ones differ only in the model's tail. */
    public static final double SMALLEST_P = 0.0001;

    private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_UP);
    private static final MathContext TWO_DIGITS = new MathContext(2, RoundingMode.HALF_UP);
    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_UP);

    private Numbers() {
    }

    /** {@code value} by the rule above: {@code 2.53}, {@code 1235}, {@code 0.00031}, {@code n/a}. */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "n/a" : value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return "0"; // also -0.0, which would print as "-0"
        }
        BigDecimal exact = new BigDecimal(value);
        BigDecimal rounded = Math.abs(value) >= 1000
                ? exact.setScale(0, RoundingMode.HALF_UP)
                : exact.round(FOUR_DIGITS);
        return plain(rounded);
    }

    /** A value that may be absent: a dash for null, else {@link #format(double)}. */
    public static String format(Double value) {
        return value == null ? "-" : format(value.doubleValue());
    }

    /**
     * The value with its unit as people write it: {@code 1.8 ms}, {@code 85%} (unit {@code percent} or {@code %}),
     * the bare number for {@code ratio}, {@code count} or no unit; a dash for null.
     */
    public static String withUnit(Double value, String unit) {
        if (value == null) {
            return "-";
        }
        String number = format(value.doubleValue());
        if (unit == null || unit.isBlank() || unit.equals("ratio") || unit.equals("count")) {
            return number;
        }
        if (unit.equals("percent") || unit.equals("%")) {
            return number + "%";
        }
        return number + " " + unit;
    }

    /**
     * An estimate or an interval end, with at most 3 significant digits ({@code 2.01}, {@code 0.0312},
     * {@code 1240}): more would claim a precision that a few rounds do not have; a dash for null.
     */
    public static String estimate(Double value) {
        if (value == null) {
            return "-";
        }
        if (!Double.isFinite(value) || value == 0) {
            return format(value.doubleValue());
        }
        return plain(new BigDecimal(value).round(THREE_DIGITS));
    }

    /** A signed estimate with its unit, by {@link #estimate}: {@code +2.01 ms}, {@code -3.12%}; a dash for null. */
    public static String signedEstimate(Double value, String unit) {
        if (value == null) {
            return "-";
        }
        String number = estimate(value);
        String signed = (number.startsWith("-") || number.equals("0") ? "" : "+") + number;
        if (unit == null || unit.isBlank() || unit.equals("ratio") || unit.equals("count")) {
            return signed;
        }
        return unit.equals("percent") || unit.equals("%") ? signed + "%" : signed + " " + unit;
    }

    /** A 95% interval, {@code [+1.98, +2.05] ms} or {@code [-3.1%, +4.2%]}, by {@link #estimate}. */
    public static String interval(Double low, Double high, String unit) {
        if (low == null || high == null) {
            return "-";
        }
        boolean percent = "%".equals(unit) || "percent".equals(unit);
        String bare = percent ? "%" : "";
        String tail = percent || unit == null || unit.isBlank() || unit.equals("count") || unit.equals("ratio") ? ""
                : " " + unit;
        return "[" + signedEstimate(low, bare) + ", " + signedEstimate(high, bare) + "]" + tail;
    }

    /** A signed percentage, such as a change from a baseline: {@code +12.35%}, {@code -3.5%}, {@code +0%}; a dash for null. */
    public static String signedPercent(Double percent) {
        if (percent == null) {
            return "-";
        }
        String number = format(percent.doubleValue());
        return (number.startsWith("-") || number.equals("n/a") ? "" : "+") + number + "%";
    }

    /**
     * A p-value as reports show it: {@code p < 0.0001} below {@link #SMALLEST_P}, else two significant digits,
     * {@code p = 0.042} (more digits would claim a precision that a test on a few rounds does not have); a dash for
     * null.
     */
    public static String pValue(Double p) {
        if (p == null) {
            return "-";
        }
        if (Double.isNaN(p)) {
            return "p = n/a";
        }
        if (p < SMALLEST_P) {
            return "p < " + format(SMALLEST_P);
        }
        return "p = " + plain(new BigDecimal(p).round(TWO_DIGITS));
    }

    /**
     * A duration: milliseconds below one second ({@code 250 ms}), else seconds by the rule above ({@code 12.35 s},
     * {@code 3723 s}); a dash for null.
     */
    public static String duration(Duration duration) {
        if (duration == null) {
            return "-";
        }
        long millis = duration.toMillis();
        return Math.abs(millis) < 1000 ? millis + " ms" : format(millis / 1000.0) + " s";
    }

    /**
     * A score, total or contribution: always one decimal ({@code 87.8}, {@code 90.0}), the precision the scorer
     * rounds them to, so that they line up in columns; {@code n/a} for NaN.
     */
    public static String score(double score) {
        if (!Double.isFinite(score)) {
            return format(score);
        }
        return BigDecimal.valueOf(oneDecimal(score)).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** Rounds half up to one decimal, the precision of scores, totals and contributions. */
    public static double oneDecimal(double value) {
        if (!Double.isFinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * An axis tick label: as many decimals as the tick step needs and no more ({@code 199.95}, {@code 200},
     * {@code 0.2}), so that neighbouring ticks never print alike, which {@link #format(double)}'s four digits would
     * do on an axis from 199.9 to 200.1.
     */
    public static String tick(double value, double step) {
        if (!Double.isFinite(value) || !(step > 0) || !Double.isFinite(step)) {
            return format(value);
        }
        int decimals = Math.max(0, -(int) Math.floor(Math.log10(step) + 1e-9));
        // 2.5 steps need one decimal more than their power of ten says (0.25, 0.5, 0.75).
        BigDecimal stepDigits = new BigDecimal(step).setScale(decimals + 1, RoundingMode.HALF_UP);
        if (stepDigits.stripTrailingZeros().scale() > decimals) {
            decimals++;
        }
        return plain(new BigDecimal(value).setScale(decimals, RoundingMode.HALF_UP));
    }

    /** Yes or no, as reports and the console print a flag. */
    public static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String plain(BigDecimal rounded) {
        return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
    }
}
