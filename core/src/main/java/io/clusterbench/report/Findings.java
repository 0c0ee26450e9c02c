package io.clusterbench.report;

import io.clusterbench.report.Doc.Block;
import io.clusterbench.report.Doc.Bullets;
import io.clusterbench.report.Doc.Heading;
import io.clusterbench.report.Doc.Item;
import io.clusterbench.report.Doc.Tone;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.EffectTable;
import io.clusterbench.result.MetricEffect;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ScoreResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What needs attention in a run, gathered in one list right under the verdict so that nothing bad hides in a long
 * table: every objective that did not pass, every change that failed, was rolled back or did not start, every probe
 * that did not end OK (with its first error; the probe's section lists them all), hosts reached without a host-key
 * check, and significant regressions.
 */
final class Findings {

    private Findings() {
    }

    /** The section: a heading and the list, or a sentence with the counts when there is nothing to list. */
    static List<Block> section(RunResult result) {
        List<Item> items = of(result);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(2, "Needs attention", "attention"));
        if (items.isEmpty()) {
            int objectives = result.score() == null ? 0 : result.score().objectives().size();
            blocks.add(Line.of("0 failures and 0 warnings: " + Plural.of(result.probes().size(), "probe")
                    + " ended OK, " + Plural.of(result.changes().size(), "tuning action") + " ended without failure, "
                    + Plural.of(objectives, "objective") + " passed.").paragraph());
        } else {
            blocks.add(Line.of(tally(items) + ", failures first.").paragraph());
            List<Item> ordered = new ArrayList<>(items.stream().filter(i -> i.tone() == Tone.BAD).toList());
            ordered.addAll(items.stream().filter(i -> i.tone() != Tone.BAD).toList());
            blocks.add(new Bullets(ordered));
        }
        return blocks;
    }

    /** "1 failure and 2 warnings". */
    static String tally(List<Item> items) {
        long failures = items.stream().filter(i -> i.tone() == Tone.BAD).count();
        return Plural.of(failures, "failure") + " and " + Plural.of(items.size() - failures, "warning");
    }

    /** Every finding, failures and warnings, in report order (objectives, changes, probes, hosts, effects). */
    static List<Item> of(RunResult result) {
        List<Item> items = new ArrayList<>();
        ScoreResult score = result.score();
        if (score != null) {
            for (ObjectiveResult objective : score.objectives()) {
                if (objective.status() != ObjectiveStatus.PASS) {
                    items.add(Line.of("Objective ").code(objective.metric()).text(" (pass ").code(objective.pass())
                            .text(objective.key() ? ", key" : "").text(") is ").strong(objective.status().name())
                            .text(": measured " + Numbers.withUnit(objective.measured(), objective.unit())
                                    + ", bound " + Numbers.withUnit(objective.bound(), objective.unit()) + ": "
                                    + objective.explanation()).item(Tones.of(objective.status())));
                }
            }
        }
        for (ChangeOutcome change : result.changes()) {
            if (isFinding(change)) {
                items.add(Line.of(change.optional() ? "Optional tuning action " : "Tuning action ")
                        .code(change.action()).text(" on ").code(change.target())
                        .text(" ended ").strong(change.status().name()).text(" (verified: "
                                + Numbers.yesNo(change.verified()) + "): " + change.message())
                        .item(change.status() == ChangeStatus.CHECKED ? Tone.WARN : Tones.of(change)));
            }
        }
        for (ProbeMeasurement probe : result.probes()) {
            if (probe.status() != ProbeStatus.OK) {
                items.add(probe(probe));
            }
        }
        if (!result.insecureHosts().isEmpty()) {
            items.add(Line.of("Host key not checked (insecureAcceptAnyHostKey) for "
                    + Plural.of(result.insecureHosts().size(), "host") + ": ").codes(result.insecureHosts(), ", ", "")
                    .text(".").item(Tone.BAD));
        }
        if (result.comparison() != null) {
            for (MetricEffect metric : result.comparison().metrics()) {
                if (metric.worse()) {
                    items.add(Line.of("Metric ").code(metric.metric()).text(" got worse with the tuning: "
                            + EffectTable.change(metric) + (metric.key() ? ", watched by a key objective." : "."))
                            .item(metric.key() ? Tone.BAD : Tone.WARN));
                }
            }
        }
        return items;
    }

    /** One line per probe that did not end OK: its error count and first error; its section has the rest. */
    private static Item probe(ProbeMeasurement probe) {
        Line line = Line.of("Probe ").code(probe.probe()).text(" ended ").strong(probe.status().name());
        if (probe.errors().isEmpty()) {
            return line.text(" with 0 errors recorded.").item(Tones.of(probe.status()));
        }
        long total = probe.errors().stream().mapToLong(ProbeError::count).sum();
        ProbeError first = probe.errors().get(0);
        return line.text(" with " + Plural.of(total, "error") + " of " + Plural.of(probe.errors().size(), "kind")
                + "; first: ").code(first.kind().word()).text(" x " + first.count()
                        + (first.firstAt() == null ? "" : ", first at " + first.firstAt()) + ": " + first.message())
                .item(Tones.of(probe.status()));
    }

    private static boolean isFinding(ChangeOutcome change) {
        return switch (change.status()) {
            case FAILED, ROLLED_BACK, ROLLBACK_FAILED, NOT_STARTED -> true;
            case CHECKED -> !change.verified();
            default -> false;
        };
    }
}
