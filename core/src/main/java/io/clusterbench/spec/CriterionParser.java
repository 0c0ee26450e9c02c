package io.clusterbench.spec;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads criteria ({@code <= 2}, {@code <= +10%}, {@code > -3ms}) and checks that a warning criterion is a looser
 * version of its pass criterion.
 */
final class CriterionParser {

    static final String EXAMPLE = "such as \"<= 2\" (absolute) or \"<= +10%\" (relative to the baseline)";

    private static final Pattern CRITERION =
            Pattern.compile("\\s*(<=|>=|==|<|>)\\s*([+-]?)([0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)\\s*(%|ms)?\\s*");

    private CriterionParser() {
    }

    static Optional<Criterion> parse(Node node, String path, Binding binding) {
        String text = node instanceof ScalarNode s && s.getTag().equals(Tag.STR) ? s.getValue() : null;
        Matcher m = text == null ? null : CRITERION.matcher(text);
        if (m == null || !m.matches()) {
            binding.error(node, path, "must be a criterion " + EXAMPLE + ", got " + Values.describe(node));
            return Optional.empty();
        }
        Comparison op = Comparison.fromSymbol(m.group(1)).orElseThrow();
        boolean signed = !m.group(2).isEmpty();
        double magnitude = Double.parseDouble(m.group(3));
        double value = m.group(2).equals("-") ? -magnitude : magnitude;
        boolean percent = "%".equals(m.group(4));
        if (percent && !signed) {
            binding.error(node, path, "a percentage is a change from the baseline and needs a sign: write \""
                    + op.symbol() + " +" + m.group(3) + "%\" (or drop the % for an absolute limit)");
            return Optional.empty();
        }
        CriterionMode mode = !signed ? CriterionMode.ABSOLUTE
                : percent ? CriterionMode.RELATIVE_PERCENT : CriterionMode.RELATIVE_DELTA;
        return Optional.of(new Criterion(op, value, mode, text.strip()));
    }

    /** Reports at {@code at} when {@code warning} is not a looser criterion of the same kind as {@code pass}. */
    static void checkLooser(Criterion pass, Criterion warning, Node at, String path, Binding binding) {
        String got = ", got '" + warning.text() + "'";
        if (pass.op() == Comparison.EQUAL) {
            binding.error(at, path, "pass (" + pass.text() + ") uses ==, which has no looser side;"
                    + " remove warning or give pass a direction (<=, <, >=, >)");
        } else if (warning.mode() != pass.mode()) {
            binding.error(at, path, "must be " + describe(pass.mode()) + " like pass (" + pass.text() + ")" + got);
        } else if (warning.op().isUpperBound() != pass.op().isUpperBound() || warning.op() == Comparison.EQUAL) {
            binding.error(at, path, "must compare in the same direction as pass (" + pass.text() + ")" + got);
        } else if (!looser(pass, warning)) {
            binding.error(at, path, "must be looser than pass (" + pass.text() + ")" + got);
        }
    }

    private static boolean looser(Criterion pass, Criterion warning) {
        boolean upper = pass.op().isUpperBound();
        if (warning.value() != pass.value()) {
            return upper ? warning.value() > pass.value() : warning.value() < pass.value();
        }
        // Same number: only a strict pass with an inclusive warning leaves room for a warning band.
        return upper ? pass.op() == Comparison.LESS && warning.op() == Comparison.LESS_OR_EQUAL
                : pass.op() == Comparison.GREATER && warning.op() == Comparison.GREATER_OR_EQUAL;
    }

    private static String describe(CriterionMode mode) {
        return switch (mode) {
            case ABSOLUTE -> "absolute";
            case RELATIVE_PERCENT -> "a percentage change";
            case RELATIVE_DELTA -> "a signed change";
        };
    }
}
