package io.clusterbench.report;

import io.clusterbench.report.Doc.Block;
import io.clusterbench.report.Doc.Cell;
import io.clusterbench.report.Doc.Heading;
import io.clusterbench.report.Doc.Table;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.Evidence;
import io.clusterbench.result.EvidenceStep;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The tuning part of the report: how each action ended, and every evidence step as it was written. */
final class TuningSections {

    private TuningSections() {
    }

    /** How each tuning action ended. */
    static List<Block> changes(RunResult result) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(2, "Changes", "changes"));
        if (result.changes().isEmpty()) {
            blocks.add(Line.of("This run changed nothing: 0 tuning actions.").paragraph());
        } else {
            List<String> refusing = ChangeOutcome.knownFailures(result.changes());
            if (!refusing.isEmpty()) {
                blocks.add(Line.of("The preflight planned every action before the first change and found "
                        + refusing.size() + " required action(s) known to fail, so nothing was applied: "
                        + String.join("; ", refusing)).paragraph());
            }
            blocks.add(changes(result.changes()));
        }
        return blocks;
    }

    /** Every evidence step, folded: it is the record behind the changes, read when one is in doubt. */
    static List<Block> evidence(RunResult result) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(2, "Evidence log", "evidence"));
        if (result.evidence().isEmpty()) {
            blocks.add(Line.of("0 evidence steps recorded.").paragraph());
        } else {
            blocks.add(Line.of(Plural.of(result.evidence().size(), "step") + ", in the order they were written to ")
                    .code("evidence.jsonl").text("; an ").code(EvidenceStep.APPLYING.word())
                    .text(" step is written before its change.")
                    .paragraph());
            blocks.add(new Doc.Details("All " + Plural.of(result.evidence().size(), "evidence step")
                    + ": before, wanted and after state, command, duration",
                    List.of(evidence(result.evidence()))));
        }
        return blocks;
    }

    private static Table changes(List<ChangeOutcome> changes) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ChangeOutcome change : changes) {
            rows.add(List.of(
                    Cell.code(change.action()),
                    Cell.text(change.kind()),
                    Cell.code(change.target()),
                    Cell.status(change.status().name() + (change.optional() ? " (optional)" : ""), Tones.of(change)),
                    Cell.text(beforeAfter(change.before(), change.wanted(), change.after())),
                    Cell.text(Numbers.yesNo(change.verified())),
                    Cell.text(rolledBack(change.status())),
                    Cell.text(change.message())));
        }
        return new Table("How each tuning action ended, in spec order",
                List.of("Action", "Kind", "Target", "Status", "Before -> after (wanted)", "Verified", "Rolled back",
                        "Message"), rows);
    }

    private static Table evidence(List<Evidence> evidence) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Evidence step : evidence) {
            rows.add(List.of(
                    Cell.number(String.valueOf(step.seq())),
                    Cell.text(step.at().toString()),
                    Cell.code(step.action()),
                    Cell.code(step.step().word()),
                    Cell.text(state(step.before())),
                    Cell.text(state(step.wanted())),
                    Cell.text(state(step.after())),
                    Cell.code(command(step.command())),
                    Cell.number(String.valueOf(step.durationMs())),
                    Cell.text(step.message())));
        }
        return new Table("Every tuning step of this run",
                List.of("#", "At", "Action", "Step", "Before", "Wanted", "After", "Command", "ms", "Message"), rows);
    }

    /**
     * "timeout: 0 -> 300 (wanted 300)" for each parameter any of the three states names, in spec order: the wanted
     * state's order (the spec's {@code set:}), then any other parameter the reads found, in their order.
     */
    static String beforeAfter(Map<String, String> before, Map<String, String> wanted, Map<String, String> after) {
        Set<String> names = new LinkedHashSet<>(wanted.keySet());
        names.addAll(before.keySet());
        names.addAll(after.keySet());
        if (names.isEmpty()) {
            return "-";
        }
        return names.stream().map(name -> name + ": " + before.getOrDefault(name, "-") + " -> "
                + after.getOrDefault(name, "-")
                + (wanted.containsKey(name) ? " (wanted " + wanted.get(name) + ")" : ""))
                .collect(Collectors.joining("; "));
    }

    private static String rolledBack(ChangeStatus status) {
        return switch (status) {
            case ROLLED_BACK -> "yes";
            case ROLLBACK_FAILED -> "attempted, failed";
            default -> "no";
        };
    }

    private static String state(Map<String, String> values) {
        if (values.isEmpty()) {
            return "-";
        }
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The argument list as a shell would read it, so each argument's boundaries stay visible. */
    static String command(List<String> arguments) {
        return arguments.stream().map(TuningSections::quoted).collect(Collectors.joining(" "));
    }

    private static String quoted(String argument) {
        if (!argument.isEmpty() && argument.chars().noneMatch(c -> Character.isWhitespace(c) || "'\"\\$`;&|<>*?()"
                .indexOf(c) >= 0)) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
