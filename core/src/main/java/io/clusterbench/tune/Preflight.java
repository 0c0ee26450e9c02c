package io.clusterbench.tune;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.spec.ActionSpec;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.ssh.SshHosts;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans every action of a tuning before the first change and keeps what each plan knows against it, so that a
 * required action known to fail stops the tuning while nothing is changed yet: otherwise the actions before it
 * would be applied (a restart among them cannot be undone) only to be rolled back when it fails.
 *
 * <p>Each action is judged against the cluster as it is before the tuning; an action that needs what an earlier one
 * does (a program an earlier command installs) is judged without it.
 *
 * @param findings per action id, in spec order, what its plan found
 */
record Preflight(Map<String, Finding> findings) {

    Preflight {
        findings = Collections.unmodifiableMap(new LinkedHashMap<>(findings));
    }

    /**
     * What planning one action found.
     *
     * @param target what the action changes, or {@code -} when its plan could not be made
     * @param knownToFail why apply is known to fail; empty when nothing is known against it
     */
    record Finding(String target, String knownToFail) {
        boolean fails() {
            return !knownToFail.isEmpty();
        }
    }

    /** Plans every action of the spec; changes nothing and writes nothing. */
    static Preflight check(ActionRegistry registry, ClusterSpec cluster, SecretResolver secrets, SshHosts ssh,
            Clock clock) {
        Map<String, Finding> findings = new LinkedHashMap<>();
        for (ActionSpec spec : cluster.tuning()) {
            findings.put(spec.id(), find(registry, new ActionContext(cluster, spec, secrets, ssh, clock)));
        }
        return new Preflight(findings);
    }

    /** What planning one action finds; the same rules for {@code tune --plan} and the preflight of an apply. */
    static Finding find(ActionRegistry registry, ActionContext context) {
        ActionSpec spec = context.action();
        Optional<TuningAction> action = registry.action(spec.kind());
        if (action.isEmpty()) {
            return new Finding("-", noImplementation(spec));
        }
        try {
            ActionPlan plan = action.get().plan(context);
            return new Finding(plan.target(), plan.knownToFail());
        } catch (ClusterBenchException e) {
            return new Finding("-", unreadable(e));
        }
    }

    static String noImplementation(ActionSpec spec) {
        return "no implementation of action kind '" + spec.kind().word() + "' in this build";
    }

    static String unreadable(ClusterBenchException e) {
        return "cannot read the current state: " + e.getMessage();
    }

    /** The finding of one action. */
    Finding of(ActionSpec spec) {
        return findings.getOrDefault(spec.id(), new Finding("-", ""));
    }

    /** The required actions known to fail, in spec order: any one of them refuses the whole tuning. */
    List<ActionSpec> refusing(List<ActionSpec> tuning) {
        return tuning.stream().filter(spec -> !spec.optional() && of(spec).fails()).toList();
    }

    /** Why an action did not start when the preflight refused the tuning; names every refusing action. */
    String notStarted(ActionSpec spec, List<ActionSpec> refusing) {
        if (refusing.contains(spec)) {
            return "not started: the preflight found that this action would fail: " + of(spec).knownToFail()
                    + "; nothing was applied";
        }
        List<String> names = refusing.stream().map(s -> "'" + s.id() + "'").toList();
        return "not started: the preflight found that " + (names.size() == 1 ? "action " : "actions ")
                + String.join(", ", names) + " would fail; nothing was applied";
    }

    /** Why an optional action known to fail is skipped while the others go on. */
    static String skipped(String knownToFail) {
        return "not started: optional, and the preflight found that it would fail: " + knownToFail
                + "; the other actions went on";
    }
}
