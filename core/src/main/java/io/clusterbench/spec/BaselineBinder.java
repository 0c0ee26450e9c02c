package io.clusterbench.spec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Binds the {@code baseline:} section: which earlier runs relative objectives compare with, how their values are
 * aggregated, and when a change counts (alpha, minimum effect).
 */
final class BaselineBinder {

    static final List<String> KEYS = List.of("from", "runs", "runId", "aggregate", "alpha", "minEffect", "noHistory");
    static final List<String> SOURCES = List.of("last-passing", "previous", "run");
    static final List<String> NO_HISTORY = List.of("inconclusive", "pass");

    private static final Pattern PERCENTILE = Pattern.compile("p([0-9]+(?:\\.[0-9]+)?)");
    private static final Range ALPHA = new Range(0, false, 1, false);

    private final Binding binding;

    BaselineBinder(Binding binding) {
        this.binding = binding;
    }

    BaselineSettings bind(YamlMap m) {
        BaselineSettings defaults = BaselineSettings.DEFAULT;
        int errorsBefore = binding.errorCount();
        m.allow(KEYS);
        BaselineSource from = m.choice("from", SOURCES).map(BaselineBinder::source).orElse(defaults.from());
        int runs = m.whole("runs", 1, 1000).map(Long::intValue).orElse(defaults.runs());
        if (m.has("runs") && from != BaselineSource.LAST_PASSING) {
            binding.error(m.keyNode("runs"), m.child("runs"),
                    "'runs' applies only to from: last-passing (from is " + from.word() + ")");
        }
        Optional<String> runId = m.text("runId");
        if (from == BaselineSource.RUN && !m.has("runId")) {
            m.missing("from: run needs runId: the runId of the result.json to compare with");
        } else if (m.has("runId") && from != BaselineSource.RUN) {
            binding.error(m.keyNode("runId"), m.child("runId"),
                    "'runId' applies only to from: run (from is " + from.word() + "); add from: run to pin this run");
        }
        BaselineAggregate aggregate = m.get("aggregate").flatMap(node -> aggregate(node, m.child("aggregate")))
                .orElse(defaults.aggregate());
        double alpha = m.number("alpha", ALPHA).orElse(defaults.alpha());
        double minEffect = m.number("minEffect", Range.between(0, 1000)).orElse(defaults.minEffectPct());
        NoHistoryPolicy noHistory = m.choice("noHistory", NO_HISTORY)
                .map(word -> NoHistoryPolicy.valueOf(word.toUpperCase(Locale.ROOT))).orElse(defaults.noHistory());
        if (binding.errorCount() != errorsBefore) {
            return defaults; // the spec does not load; the value is never used
        }
        return new BaselineSettings(from, runs, from == BaselineSource.RUN ? runId : Optional.empty(), aggregate,
                alpha, minEffect, noHistory);
    }

    private Optional<BaselineAggregate> aggregate(Node node, String path) {
        Optional<String> text = Values.text(node, path, binding);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String word = text.get();
        if (word.equals("median")) {
            return Optional.of(BaselineAggregate.MEDIAN);
        }
        if (word.equals("mean")) {
            return Optional.of(BaselineAggregate.MEAN);
        }
        Matcher m = PERCENTILE.matcher(word);
        if (m.matches()) {
            double p = Double.parseDouble(m.group(1));
            if (p > 0 && p <= 100) {
                return Optional.of(BaselineAggregate.percentile(p));
            }
        }
        binding.error(node, path, "must be median, mean or a percentile pNN above 0 and at most 100 such as p90,"
                + " got '" + word + "'");
        return Optional.empty();
    }

    private static BaselineSource source(String word) {
        return switch (word) {
            case "previous" -> BaselineSource.PREVIOUS;
            case "run" -> BaselineSource.RUN;
            default -> BaselineSource.LAST_PASSING;
        };
    }
}
