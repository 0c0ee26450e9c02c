package io.clusterbench.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Binds the {@code objectives:} list: each metric must start with a probe id (and, for host and gpu probes, one
 * of that probe's hosts), and each warning criterion must be looser than its pass criterion.
 */
final class ObjectiveBinder {

    /**
     * Weights are relative, so a bound costs nothing; without one, 1e308 is finite but the sum of two such
     * weights is not, and the score would become NaN.
     */
    static final Range WEIGHTS = new Range(0, false, 1_000_000, true);

    static final List<String> KEYS = List.of("metric", "pass", "warning", "weight", "key", "nodata", "abortOnFail",
            "abortGrace");
    /** How long an aborting objective must fail before the load is aborted, unless it says. */
    public static final Duration DEFAULT_ABORT_GRACE = Duration.ofSeconds(5);
    static final List<String> NO_DATA = List.of("fail", "ignore", "inconclusive");

    private final Binding binding;
    private final MetricReferences metrics;

    ObjectiveBinder(Binding binding, ProbeBinder.Probes probes) {
        this.binding = binding;
        this.metrics = new MetricReferences(binding, probes);
    }

    List<ObjectiveSpec> bind(Optional<List<Node>> section, String path) {
        List<ObjectiveSpec> objectives = new ArrayList<>();
        List<Node> items = section.orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            int errorsBefore = binding.errorCount();
            Optional<ObjectiveSpec> objective = YamlMap.of(items.get(i), path + "[" + i + "]", binding)
                    .flatMap(this::objective);
            if (binding.errorCount() == errorsBefore) {
                objective.ifPresent(objectives::add);
            }
        }
        return objectives;
    }

    private Optional<ObjectiveSpec> objective(YamlMap m) {
        int errorsBefore = binding.errorCount();
        m.allow(KEYS);
        Optional<String> metric = m.requireText("metric")
                .filter(name -> metrics.check(m.get("metric").orElseThrow(), m.child("metric"), name));
        Optional<Criterion> pass = m.require("pass")
                ? CriterionParser.parse(m.get("pass").orElseThrow(), m.child("pass"), binding) : Optional.empty();
        Optional<Criterion> warning = m.get("warning")
                .flatMap(node -> CriterionParser.parse(node, m.child("warning"), binding));
        if (pass.isPresent() && warning.isPresent()) {
            CriterionParser.checkLooser(pass.get(), warning.get(), m.get("warning").orElseThrow(),
                    m.child("warning"), binding);
        }
        double weight = m.number("weight", WEIGHTS).orElse(1.0);
        boolean key = m.flag("key").orElse(false);
        NoDataPolicy noData = m.choice("nodata", NO_DATA)
                .map(word -> NoDataPolicy.valueOf(word.toUpperCase(Locale.ROOT))).orElse(NoDataPolicy.FAIL);
        Optional<Duration> abortGrace = abortGrace(m, metric, pass);
        if (binding.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new ObjectiveSpec(metric.orElseThrow(), pass.orElseThrow(), warning, weight, key, noData,
                abortGrace, binding.locate(m.node())));
    }

    /**
     * The grace of an objective with {@code abortOnFail: true}; empty without it. Only what a load can judge while
     * it runs may abort it: an absolute upper bound on the errors its progress counts ({@link LiveMetrics}).
     */
    private Optional<Duration> abortGrace(YamlMap m, Optional<String> metric, Optional<Criterion> pass) {
        boolean abort = m.flag("abortOnFail").orElse(false);
        Optional<Duration> grace = m.duration("abortGrace");
        if (!abort) {
            if (grace.isPresent()) {
                binding.error(m.get("abortGrace").orElseThrow(), m.child("abortGrace"),
                        "is only read with abortOnFail: true; add it or remove abortGrace");
            }
            return Optional.empty();
        }
        Node at = m.get("abortOnFail").orElseThrow();
        if (metric.isPresent() && !LiveMetrics.isLive(metrics.leafName(metric.get()))) {
            binding.error(at, m.child("abortOnFail"), "only an objective on a count the load keeps while it runs can"
                    + " abort it (" + String.join(", ", LiveMetrics.NAMES) + "); " + metric.get()
                    + " is known only at the end: remove abortOnFail");
        } else if (pass.isPresent() && (pass.get().isRelative() || !pass.get().op().isUpperBound())) {
            binding.error(at, m.child("abortOnFail"), "needs an absolute upper bound as pass (such as \"<= 1\"),"
                    + " which a growing error count can certainly break; got '" + pass.get().text() + "'");
        }
        return Optional.of(grace.orElse(DEFAULT_ABORT_GRACE));
    }
}
