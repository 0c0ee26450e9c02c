package io.clusterbench.spec;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One condition of a capacity search's service-level objective, such as {@code p99_ms <= 50}: a metric of the load
 * probe (without the probe id), a comparison and an absolute limit. A load step meets the SLO when every condition
 * holds on the metrics of every one of its rounds.
 *
 * @param metric the metric's name as the probe writes it, such as {@code p99_ms} or {@code get.p99_ms}
 * @param op the comparison
 * @param limit the limit, in the metric's unit
 * @param text the condition as written, for reports
 */
public record SloCondition(String metric, Comparison op, double limit, String text) {

    private static final Pattern CONDITION = Pattern.compile(
            "\\s*([A-Za-z0-9_.]+)\\s*(<=|>=|==|<|>)\\s*([0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)\\s*");

    /** How a condition is written, for error messages. */
    public static final String EXAMPLE = "METRIC OP NUMBER, such as \"p99_ms <= 50\" or \"error_pct <= 0.1\"";

    public SloCondition {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(text, "text");
    }

    /** The condition written in {@code text}, or empty when it is not {@link #EXAMPLE}. */
    public static Optional<SloCondition> parse(String text) {
        Matcher m = CONDITION.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SloCondition(m.group(1), Comparison.fromSymbol(m.group(2)).orElseThrow(),
                Double.parseDouble(m.group(3)), m.group(1) + " " + m.group(2) + " " + m.group(3)));
    }

    /** Whether {@code value} of the metric meets this condition. */
    public boolean holds(double value) {
        return op.test(value, limit);
    }
}
