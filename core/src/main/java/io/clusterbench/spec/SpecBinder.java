package io.clusterbench.spec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Binds a whole spec in one pass: each section in turn (so references can be checked against the sections they
 * point into), collecting every problem rather than stopping at the first.
 */
final class SpecBinder {

    static final List<String> TOP_KEYS =
            List.of("cluster", "hosts", "services", "probes", "tuning", "objectives", "score", "baseline", "settings",
                    "trend");

    private final Binding binding;

    SpecBinder(Binding binding) {
        this.binding = binding;
    }

    /** The spec, or empty when any error was reported. */
    Optional<ClusterSpec> bind(Node root) {
        if (!(root instanceof MappingNode)) {
            // Named, never quoted: a file that is not a spec at all (a result.json can name /etc/passwd as its
            // spec) must not have its first line printed.
            binding.error(root, "", "the spec must be a mapping (cluster:, hosts:, services:, ...) at the top, got "
                    + (root instanceof ScalarNode ? "text or a single value" : Values.describe(root))
                    + "; is this file a cluster spec?");
            return Optional.empty();
        }
        YamlMap top = YamlMap.of(root, "", binding).orElseThrow();
        top.allow(TOP_KEYS);
        Optional<String> name = top.requireText("cluster")
                .filter(n -> Values.checkId(top.get("cluster").orElseThrow(), "cluster", n, binding));
        HostBinder.Hosts hosts = new HostBinder(binding).bind(top.section("hosts"));
        ServiceBinder.Services services = new ServiceBinder(binding, hosts.ids()).bind(top.section("services"));
        Optional<YamlMap> probeSection = top.section("probes");
        ProbeBinder.Probes probes = new ProbeBinder(binding, hosts, services).bind(probeSection);
        List<ActionSpec> tuning = new TuningBinder(binding, hosts, services, probes.ids())
                .bind(top.sectionList("tuning"), "tuning");
        List<ObjectiveSpec> objectives = new ObjectiveBinder(binding, probes)
                .bind(top.sectionList("objectives"), "objectives");
        ScoreThresholds score = top.section("score").map(this::score).orElse(ScoreThresholds.DEFAULT);
        BaselineSettings baseline = top.section("baseline").map(new BaselineBinder(binding)::bind)
                .orElse(BaselineSettings.DEFAULT);
        RunSettings settings = top.section("settings").map(m -> settings(m, services)).orElse(RunSettings.DEFAULT);
        TrendSettings trend = top.section("trend").map(new TrendBinder(binding, probes)::bind)
                .orElse(TrendSettings.NONE);
        if (binding.errorCount() > 0) {
            return Optional.empty();
        }
        return Optional.of(new ClusterSpec(name.orElseThrow(), hosts.valid(), services.valid(), probes.valid(),
                tuning, objectives, score, settings, baseline, trend));
    }

    // Without a warning threshold, a pass threshold under the default 75 pulls the warning threshold down with it.
    private ScoreThresholds score(YamlMap m) {
        m.allow(List.of("pass", "warning"));
        Range percent = Range.between(0, 100);
        double pass = m.number("pass", percent).orElse(ScoreThresholds.DEFAULT.pass());
        Optional<Double> warning = m.number("warning", percent);
        if (warning.isPresent() && warning.get() > pass) {
            binding.error(m.get("warning").orElseThrow(), m.child("warning"),
                    "must be <= pass (" + Range.format(pass) + "), got " + Range.format(warning.get()));
        }
        return new ScoreThresholds(pass, warning.orElse(Math.min(ScoreThresholds.DEFAULT.warning(), pass)));
    }

    private RunSettings settings(YamlMap m, ServiceBinder.Services services) {
        m.allow(List.of("rollback", "maxParallelProbes", "rollbackIfWorse", "quietCheck", "lease", "leaseWait",
                "leaseBenchmark", "extraRounds"));
        boolean rollback = m.flag("rollback").orElse(RunSettings.DEFAULT.rollback());
        int parallel = m.whole("maxParallelProbes", 1, 64).orElse((long) RunSettings.DEFAULT.maxParallelProbes())
                .intValue();
        boolean rollbackIfWorse = m.flag("rollbackIfWorse").orElse(RunSettings.DEFAULT.rollbackIfWorse());
        QuietCheckPolicy quietCheck = m.choice("quietCheck", QuietCheckPolicy.words()).map(QuietCheckPolicy::fromWord)
                .orElse(RunSettings.DEFAULT.quietCheck());
        int extraRounds = m.whole("extraRounds", 0, RunSettings.MAX_EXTRA_ROUNDS)
                .orElse((long) RunSettings.DEFAULT_EXTRA_ROUNDS).intValue();
        return new RunSettings(rollback, parallel, rollbackIfWorse, quietCheck, lease(m, services), extraRounds);
    }

    /** {@code lease: none}, or the id of a redis service, which holds the lease; the first redis service if absent. */
    private LeaseSettings lease(YamlMap m, ServiceBinder.Services services) {
        Optional<String> named = m.text("lease");
        boolean none = named.filter("none"::equals).isPresent();
        Optional<String> service = named.filter(n -> !n.equals("none"));
        if (service.isPresent() && services.types().get(service.get()) != ServiceType.REDIS) {
            List<String> redis = services.types().entrySet().stream().filter(e -> e.getValue() == ServiceType.REDIS)
                    .map(java.util.Map.Entry::getKey).toList();
            binding.error(m.get("lease").orElseThrow(), m.child("lease"), "must be 'none' or the id of a redis"
                    + " service, which holds the lease, got '" + service.get() + "'" + (redis.isEmpty()
                    ? "; this spec has no redis service: write lease: none"
                    : " (redis services: " + String.join(", ", redis) + ")"));
        }
        Duration wait = m.duration("leaseWait").orElse(LeaseSettings.DEFAULT.waitFor());
        boolean benchmark = m.flag("leaseBenchmark").orElse(LeaseSettings.DEFAULT.benchmark());
        return new LeaseSettings(service, none, wait, benchmark);
    }
}
