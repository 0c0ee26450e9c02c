package io.clusterbench.report;

import io.clusterbench.report.Doc.Block;
import io.clusterbench.report.Doc.Bullets;
import io.clusterbench.report.Doc.Cell;
import io.clusterbench.report.Doc.Heading;
import io.clusterbench.report.Doc.Table;
import io.clusterbench.report.Doc.Tone;
import io.clusterbench.result.EffectTable;
import io.clusterbench.result.MetricEffect;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ScoreResult;
import java.util.ArrayList;
import java.util.List;

/** The judging part of the report: each objective with its numbers, and the comparison with the earlier run. */
final class ScoreSections {

    private ScoreSections() {
    }

    static List<Block> objectives(RunResult result) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(2, "Objectives", "objectives"));
        ScoreResult score = result.score();
        if (score == null) {
            blocks.add(Line.of("Not scored: 0 objectives judged. ").code(AuditReport.SCORE_COMMAND)
                    .text(" judges this run's result.json against the spec's ").code("objectives:").text(".")
                    .paragraph());
            return blocks;
        }
        if (score.objectives().isEmpty()) {
            blocks.add(Line.of("0 objectives judged.").paragraph());
            return blocks;
        }
        double total = score.objectives().stream().mapToDouble(ObjectiveResult::contribution).sum();
        blocks.add(Line.of("The contributions below add up to " + Numbers.score(total)
                + " points; the score is " + Numbers.score(score.score()) + " of 100.").paragraph());
        List<List<Cell>> rows = new ArrayList<>();
        for (ObjectiveResult objective : score.objectives()) {
            rows.add(List.of(
                    Cell.code(objective.metric()),
                    criterion(objective),
                    Cell.number(Numbers.format(objective.weight())),
                    Cell.text(Numbers.yesNo(objective.key())),
                    Cell.number(Numbers.withUnit(objective.measured(), objective.unit())),
                    Cell.number(Numbers.withUnit(objective.bound(), objective.unit())),
                    baseline(objective),
                    Cell.text(statistic(objective.statistic(), objective.pValue())),
                    Cell.status(objective.status().name(), Tones.of(objective.status())),
                    Cell.number(Numbers.format(objective.score())),
                    Cell.number(Numbers.score(objective.contribution())),
                    Cell.text(objective.explanation())));
        }
        blocks.add(new Table("Each objective, in spec order (score from 0 to 1; contribution in points of 100)",
                List.of("Metric", "Criterion", "Weight", "Key", "Measured", "Bound", "Baseline", "Test",
                        "Status", "Score", "Contribution", "Explanation"), rows));
        return blocks;
    }

    static List<Block> comparison(RunResult result) {
        RunComparison comparison = result.comparison();
        if (comparison == null) {
            return List.of();
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(2, "Effect of the tuning", "comparison"));
        blocks.add(Line.of(comparison.explanation()).paragraph());
        blocks.add(Line.of("Key metric got worse: ").strong(Numbers.yesNo(comparison.regressed()))
                .text(". Tuning rolled back because of it: ").strong(Numbers.yesNo(comparison.rolledBack()))
                .text(".").paragraph(comparison.regressed() ? Tone.BAD : Tone.NEUTRAL));
        if (comparison.metrics().isEmpty()) {
            return blocks;
        }
        List<List<Cell>> rows = new ArrayList<>();
        List<List<String>> cells = EffectTable.rows(comparison);
        for (int i = 0; i < cells.size(); i++) {
            MetricEffect effect = comparison.metrics().get(i);
            List<String> row = cells.get(i);
            Tone tone = switch (effect.verdict()) {
                case WORSE -> Tone.BAD;
                case IMPROVED -> Tone.GOOD;
                case INCONCLUSIVE -> Tone.WARN;
                case NO_DETECTABLE_CHANGE -> Tone.NEUTRAL;
            };
            rows.add(List.of(
                    Cell.code(row.get(0)),
                    Cell.number(row.get(1)),
                    Cell.number(row.get(2)),
                    new Cell(List.of(new Doc.Text(row.get(3))), true, tone),
                    new Cell(List.of(new Doc.Text(row.get(4))), false, tone),
                    Cell.text(Numbers.yesNo(effect.key()))));
        }
        List<String> header = new ArrayList<>(EffectTable.HEADER);
        header.add("Key");
        blocks.add(new Table("Rounds before tuning (A, run " + comparison.beforeRunId() + ") against tuned rounds (B,"
                + " run " + result.runId() + "); change = B - A, Hodges-Lehmann over rounds", header, rows));
        blocks.add(Line.of(EffectTable.design(comparison)).paragraph());
        if (!comparison.disturbances().isEmpty()) {
            List<Doc.Item> found = new ArrayList<>();
            comparison.disturbances().forEach(d -> found.add(Line.of("Quiet-cluster check: " + d.message())
                    .item(Tone.WARN)));
            blocks.add(new Bullets(found));
        }
        List<Doc.Item> reasons = new ArrayList<>();
        for (MetricEffect effect : comparison.metrics()) {
            reasons.add(Line.of("").code(effect.metric()).text(": " + effect.reason()).item(Tone.NEUTRAL));
        }
        blocks.add(new Doc.Details("Why each of the " + Plural.of(comparison.metrics().size(), "metric")
                + " got its verdict, with the smallest change the run could have detected",
                List.of(new Bullets(reasons))));
        return blocks;
    }

    private static Cell criterion(ObjectiveResult objective) {
        Line line = Line.of("pass ").code(objective.pass());
        if (objective.warning() != null) {
            line.text("; warning ").code(objective.warning());
        }
        return line.cell();
    }

    private static Cell baseline(ObjectiveResult objective) {
        if (objective.baseline() == null) {
            return Cell.text(objective.baselineRuns().isEmpty() ? "-"
                    : "none from " + Plural.of(objective.baselineRuns().size(), "run"));
        }
        return Line.of(Numbers.withUnit(objective.baseline(), objective.unit()) + " from "
                + Plural.of(objective.baselineRuns().size(), "run") + ": ").codes(objective.baselineRuns(), ", ", "-").cell();
    }

    static String statistic(String statistic, Double pValue) {
        if (statistic == null && pValue == null) {
            return "-";
        }
        if (pValue == null) {
            return statistic;
        }
        return (statistic == null ? "" : statistic + ", ") + Numbers.pValue(pValue);
    }
}
