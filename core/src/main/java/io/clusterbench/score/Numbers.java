package io.clusterbench.score;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** How numbers read in explanations: four significant digits at most, a unit where the metric has one. */
final class Numbers {

    private Numbers() {
    }

    /** {@code value} with at most four significant digits and no trailing zeros: 2.53, 1235, 0.00031. */
    static String format(double value) {
        if (value == 0) {
            return "0";
        }
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "n/a" : value > 0 ? "inf" : "-inf";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(4, RoundingMode.HALF_UP));
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** The value with its unit as people write it: {@code 1.8 ms}, {@code 85%}, {@code 1.2} (ratio, count). */
    static String withUnit(double value, String unit) {
        if (unit == null || unit.isEmpty() || unit.equals("ratio") || unit.equals("count")) {
            return format(value);
        }
        if (unit.equals("percent") || unit.equals("%")) {
            return format(value) + "%";
        }
        return format(value) + " " + unit;
    }

    /** A signed percentage: {@code +12%}, {@code -3.5%}. */
    static String signedPct(double pct) {
        return (pct >= 0 ? "+" : "") + format(pct) + "%";
    }

    /** A p-value as reports show it: {@code p = 0.042}, or {@code p < 0.0001} below that. */
    static String pValue(double p) {
        return p < 0.0001 ? "p < 0.0001" : "p = " + new BigDecimal(p).round(new MathContext(2, RoundingMode.HALF_UP))
                .stripTrailingZeros().toPlainString();
    }

    /** Rounds half up to one decimal, the precision of totals and contributions. */
    static double oneDecimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
