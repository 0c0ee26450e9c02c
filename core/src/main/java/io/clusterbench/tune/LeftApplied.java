package io.clusterbench.tune;

import io.clusterbench.result.OrderedMaps;
import io.clusterbench.result.Evidence;
import io.clusterbench.result.EvidenceStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A change that an evidence file shows was made (or may have been made: {@code applying} with nothing after it) and
 * never undone, with the state to restore.
 *
 * @param action the action id
 * @param kind the action kind
 * @param target what was changed, as the evidence names it
 * @param before the state before the earliest change not undone since: what recovery restores
 * @param wanted the state the last change wanted
 * @param lastStep the action's last step in the file
 * @param at when that step was written
 */
public record LeftApplied(String action, String kind, String target, Map<String, String> before,
        Map<String, String> wanted, EvidenceStep lastStep, Instant at) {

    public LeftApplied {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        before = OrderedMaps.copyOf(before);
        wanted = OrderedMaps.copyOf(wanted);
        Objects.requireNonNull(lastStep, "lastStep");
        Objects.requireNonNull(at, "at");
    }

    /**
     * Every action that the lines, read in order, leave changed, in the order of their latest {@code applying}
     * (recovery restores them in reverse). Only the state
     * after each action's last step counts, so an alternating run (apply, roll back, apply, ...) or several runs
     * appended to one file come out right. An {@code applying} starts a change unless one is already open (then the
     * earlier before-state is kept: it is the one that existed before any of them); {@code rolled-back} closes it;
     * every other step leaves it as it is: {@code applied}, {@code failed} (it may have changed something half-way),
     * {@code rolling-back} with nothing after it, {@code rollback-failed}, {@code not-reversible} ("left as
     * applied"), and {@code unchanged} (a later run found the value the open change had set).
     */
    public static List<LeftApplied> from(List<Evidence> lines) {
        Map<String, LeftApplied> open = new LinkedHashMap<>();
        for (Evidence line : lines) {
            LeftApplied current = open.get(line.action());
            if (line.step() == EvidenceStep.APPLYING) {
                Map<String, String> before = current == null ? line.before() : current.before();
                open.remove(line.action());
                open.put(line.action(), new LeftApplied(line.action(), line.kind(), line.target(), before,
                        line.wanted(), line.step(), line.at()));
            } else if (line.step() == EvidenceStep.ROLLED_BACK) {
                open.remove(line.action());
            } else if (current != null) {
                open.put(line.action(), new LeftApplied(current.action(), current.kind(), current.target(),
                        current.before(), current.wanted(), line.step(), line.at()));
            }
        }
        return new ArrayList<>(open.values());
    }
}
