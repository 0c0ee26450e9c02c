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
 * Everything in a run that failed or needs a look, gathered in one list so that nothing bad hides in a long table:
 * every error of a probe that did not end OK, every change that failed, was rolled back or did not start, every
 * objective that did not pass, hosts reached without a host-key check, and significant regressions.
 */
final class Findings {

    private Findings() {
    }

    /** The section: a heading and the list, or a sentence with the counts when there is nothing to list. */
    static List<Block> section(RunResult result) {
        List<Item> items = of(result);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(2, "Failures and warnings", "findings"));
        if (items.isEmpty()) {
            int objectives = result.score() == null ? 0 : result.score().objectives().size();
            blocks.add(Line.of("0 failures and 0 warnings: " + result.probes().size() + " probes ended OK, "
                    + result.changes().size() + " tuning actions ended without failure, " + objectives
                    + " objectives passed.").paragraph());
        } else {
            long failures = items.stream().filter(i -> i.tone() == Tone.BAD).count();
            blocks.add(Line.of(failures + " failures and " + (items.size() - failures) + " warnings.").paragraph());
            blocks.add(new Bullets(items));
        }
        return blocks;
    }

    /** Every finding, failures and warnings in report order. */
    static List<Item> of(RunResult result) {
        List<Item> items = new ArrayList<>();
        ScoreResult score = result.score();
        if (score != null && score.verdict() != io.clusterbench.result.Verdict.PASS) {
            items.add(Line.of("Verdict ").strong(score.verdict().name()).text(" with score "
                    + Numbers.score(score.score()) + " of 100: " + score.explanation()).item(Tones.of(score.verdict())));
        }
        if (!result.insecureHosts().isEmpty()) {
            items.add(Line.of("Host key not checked (insecureAcceptAnyHostKey) for " + result.insecureHosts().size()
                    + " host(s): ").codes(result.insecureHosts(), ", ", "").text(".").item(Tone.BAD));
        }
        for (ProbeMeasurement probe : result.probes()) {
            if (probe.status() == ProbeStatus.OK) {
                continue;
            }
            Tone tone = Tones.of(probe.status());
            if (probe.errors().isEmpty()) {
                items.add(Line.of("Probe ").code(probe.probe()).text(" ended ").strong(probe.status().name())
                        .text(" with 0 errors recorded.").item(tone));
            }
            for (ProbeError error : probe.errors()) {
                items.add(Line.of("Probe ").code(probe.probe()).text(" ended ").strong(probe.status().name())
                        .text(": ").code(error.kind().word()).text(" x " + error.count()
                                + (error.firstAt() == null ? "" : ", first at " + error.firstAt()) + ": "
                                + error.message()).item(tone));
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

    private static boolean isFinding(ChangeOutcome change) {
        return switch (change.status()) {
            case FAILED, ROLLED_BACK, ROLLBACK_FAILED, NOT_STARTED -> true;
            case CHECKED -> !change.verified();
            default -> false;
        };
    }
}
