package io.clusterbench.cli;

import io.clusterbench.result.Numbers;
import io.clusterbench.spec.ActionSpec;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.HostSpec;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.ObjectiveSpec;
import io.clusterbench.spec.ProbeSpec;
import io.clusterbench.spec.ServiceSpec;
import io.clusterbench.spec.SpecProblem;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Prints the short summary of a valid spec that {@code validate} and {@code demo} show. */
final class SpecSummary {

    private SpecSummary() {
    }

    static void print(String file, LoadedSpec loaded, PrintWriter out) {
        ClusterSpec spec = loaded.spec();
        out.printf("%s: valid, cluster '%s' (sha256 %s)%n", file, spec.name(), loaded.sha256().substring(0, 12));
        line(out, "hosts", spec.hosts().values(), SpecSummary::host);
        line(out, "services", spec.services().values(), SpecSummary::service);
        line(out, "probes", spec.probes().values(), SpecSummary::probe);
        line(out, "actions", spec.tuning(), SpecSummary::action);
        line(out, "objectives", spec.objectives(), SpecSummary::objective);
        if (!spec.trend().metrics().isEmpty()) {
            // Only when chosen: without a trend: section the trends chart their defaults, nothing to summarise.
            line(out, "trend", spec.trend().metrics(), metric -> metric);
        }
        out.printf("  %-11s pass >= %s, warning >= %s%n", "score", Numbers.format(spec.score().pass()),
                Numbers.format(spec.score().warning()));
        for (SpecProblem warning : loaded.warnings()) {
            out.println("warning: " + warning.format());
        }
    }

    private static <T> void line(PrintWriter out, String label, Collection<T> items, Function<T, String> describe) {
        String described = items.isEmpty()
                ? "-"
                : items.stream().map(describe).collect(Collectors.joining(", "));
        out.printf("  %-11s %2d  %s%n", label, items.size(), described);
    }

    private static String host(HostSpec host) {
        return host.id() + " (" + host.user() + "@" + host.address() + ":" + host.port() + ")";
    }

    private static String service(ServiceSpec service) {
        return service.id() + " (" + service.type().name().toLowerCase(Locale.ROOT) + ")";
    }

    private static String probe(ProbeSpec probe) {
        return probe.id() + " (" + probe.kind().name().toLowerCase(Locale.ROOT) + ")";
    }

    private static String action(ActionSpec action) {
        String kindAndTarget = action.kind().word() + ":" + action.target();
        // Unnamed actions are already called kind:target; repeating it would only add noise.
        return action.id().equals(kindAndTarget) ? action.id() : action.id() + " (" + kindAndTarget + ")";
    }

    private static String objective(ObjectiveSpec objective) {
        return objective.metric() + " " + objective.pass().text() + (objective.key() ? " [key]" : "");
    }
}
