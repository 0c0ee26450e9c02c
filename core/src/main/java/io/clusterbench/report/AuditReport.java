package io.clusterbench.report;

import io.clusterbench.report.Doc.Block;
import io.clusterbench.report.Doc.Cell;
import io.clusterbench.report.Doc.Heading;
import io.clusterbench.report.Doc.Table;
import io.clusterbench.report.Doc.Tone;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.EffectVerdict;
import io.clusterbench.result.MetricEffect;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.GateOutcome;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ShardMark;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ScoreResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the audit report of one run as a {@link Doc}, in the order a reader in a hurry needs it: the verdict and
 * score; what needs attention; the effect of the tuning; the objectives; per probe its headline numbers and charts
 * with the full tables folded away; then the changes, the environment and the evidence log (docs/reports.md).
 *
 * <p>Every sentence it writes carries a number or a value from the run; it has no adjectives of its own.
 */
final class AuditReport {

    /** The command that scores a result, named where a report says it was not scored. */
    static final String SCORE_COMMAND = "clusterbench assert";

    private AuditReport() {
    }

    /** The whole report. */
    static Doc of(RunResult result) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(1, "Cluster Bench audit report: " + result.cluster(), "top"));
        blocks.addAll(summary(result));
        blocks.addAll(Findings.section(result));
        // The effect of the tuning comes before the objectives: it is what a run of `run` is for.
        blocks.addAll(ScoreSections.comparison(result));
        blocks.addAll(ScoreSections.objectives(result));
        blocks.addAll(MeasurementSections.of(result));
        blocks.addAll(TuningSections.changes(result));
        blocks.addAll(environment(result));
        blocks.addAll(TuningSections.evidence(result));
        return new Doc("Cluster Bench audit report: " + result.cluster() + " (run " + result.runId() + ")", blocks);
    }

    private static List<Block> summary(RunResult result) {
        List<Block> blocks = new ArrayList<>();
        ScoreResult score = result.score();
        if (score == null) {
            blocks.add(Line.of("Verdict: ").strong("not scored").text(". This run holds no score: its results were "
                    + "not judged against objectives. ").code(SCORE_COMMAND)
                    .text(" judges a result.json against the spec's ").code("objectives:").text(".")
                    .paragraph(Tone.WARN));
        } else {
            blocks.add(Line.of("Verdict: ").strong(score.verdict().name()).text(". Score: ")
                    .strong(Numbers.score(score.score())).text(" of 100 (pass at " + Numbers.format(score.passThreshold())
                            + " or more, warning at " + Numbers.format(score.warningThreshold()) + " or more). ")
                    .text(score.explanation())
                    .paragraph(Tones.of(score.verdict())));
        }
        GateOutcome gate = result.gate();
        if (gate != null) {
            blocks.add(Line.of("Gate: ").strong(gate.status().name()).text(" (exit code " + gate.exitCode()
                    + "). " + gate.reason()).paragraph(Tones.of(gate.status())));
        }
        if (!result.insecureHosts().isEmpty()) {
            blocks.add(insecureHostsBanner(result.insecureHosts()));
        }
        blocks.add(Line.of(glance(result)).paragraph());
        return blocks;
    }

    /** The run in one line of counts: probes, objectives, tuning, effects and what needs attention. */
    private static String glance(RunResult result) {
        List<String> parts = new ArrayList<>();
        parts.add(counts("probe", result.probes(), ProbeMeasurement::status, ProbeStatus.values()));
        if (result.score() != null) {
            parts.add(counts("objective", result.score().objectives(), ObjectiveResult::status,
                    ObjectiveStatus.values()));
        }
        parts.add(result.changes().isEmpty() ? "0 tuning actions (this run changed nothing)"
                : counts("tuning action", result.changes(), ChangeOutcome::status, ChangeStatus.values()) + ", "
                        + Plural.of(result.evidence().size(), "evidence step"));
        if (result.comparison() != null) {
            List<MetricEffect> metrics = result.comparison().metrics();
            long improved = metrics.stream().filter(m -> m.verdict() == EffectVerdict.IMPROVED).count();
            long worse = metrics.stream().filter(MetricEffect::worse).count();
            parts.add(Plural.of(metrics.size(), "key metric") + " compared: " + improved + " improved, " + worse
                    + " worse");
        }
        parts.add("Needs attention: " + Findings.tally(Findings.of(result)));
        return String.join(". ", parts) + ".";
    }

    static Doc.Paragraph insecureHostsBanner(List<String> hosts) {
        return Line.of("Host key not checked for " + Plural.of(hosts.size(), "host") + ": ").codes(hosts, ", ", "")
                .text(". They were reached with ").code("insecureAcceptAnyHostKey: true")
                .text(", so any machine answering at their address was accepted; their numbers are unauthenticated.")
                .paragraph(Tone.BAD);
    }

    /** "3 probes (2 OK, 1 FAILED)" listing only the statuses that occur, in the enum's order. */
    static <T, S extends Enum<S>> String counts(String noun, List<T> items, Function<T, S> status, S[] order) {
        Map<S, Integer> tally = new EnumMap<>(order[0].getDeclaringClass());
        for (T item : items) {
            tally.merge(status.apply(item), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        for (S s : order) {
            if (tally.containsKey(s)) {
                parts.add(tally.get(s) + " " + s.name());
            }
        }
        return Plural.of(items.size(), noun) + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
    }

    private static List<Block> environment(RunResult result) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(row("Cluster", Cell.code(result.cluster())));
        rows.add(row("Run id", Cell.code(result.runId())));
        rows.add(row("Spec file", Cell.code(nullToDash(result.specFile()))));
        rows.add(row("Spec SHA-256", Cell.code(nullToDash(result.specSha256()))));
        rows.add(row("Started", Cell.text(result.startedAt().toString())));
        rows.add(row("Ended", Cell.text(result.endedAt().toString())));
        rows.add(row("Duration", Cell.number(Numbers.duration(Duration.between(result.startedAt(),
                result.endedAt())))));
        rows.add(row("Tool", Cell.text(result.tool().name() + " " + result.tool().version())));
        rows.add(row("Java", Cell.text(nullToDash(result.tool().javaVersion()))));
        rows.add(row("Hostname", Cell.text(nullToDash(result.tool().hostname()))));
        rows.add(row("OS", Cell.text(nullToDash(result.tool().os()))));
        rows.add(row("result.json schema version", Cell.number(String.valueOf(result.schemaVersion()))));
        rows.add(row("Hosts without host-key check", result.insecureHosts().isEmpty()
                ? Cell.text("none")
                : Line.empty().codes(result.insecureHosts(), ", ", "").cell(Tone.BAD)));
        if (result.shard() != null) {
            rows.add(row("Shard", Cell.text(result.shard().label() + " of run " + result.shard().runId() + ", from "
                    + result.shard().host() + " (one part of the load; merge every shard to judge the run)")));
        }
        List<Block> blocks = new ArrayList<>(List.of(new Heading(2, "Cluster and environment", "environment"),
                new Table("Where and when this run happened", List.of("What", "Value"), rows)));
        if (!result.shards().isEmpty()) {
            blocks.add(shards(result));
        }
        return blocks;
    }

    /** The shards a merged run was merged from: where each ran and how far its clock was off. */
    private static Table shards(RunResult result) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ShardMark mark : result.shards()) {
            rows.add(List.of(Cell.text(mark.label()), Cell.text(mark.host()),
                    mark.clock() == null ? Cell.text("not read")
                            : Cell.number(Numbers.format(mark.clock().offsetMs()) + " ms"),
                    mark.clock() == null ? Cell.text("-")
                            : Cell.number(Numbers.format(mark.clock().roundTripMs()) + " ms"),
                    Cell.text(mark.clock() == null ? "-" : mark.clock().coordinator())));
        }
        return new Table("The " + Plural.of(result.shards().size(), "shard") + " this run was merged from",
                List.of("Shard", "Host", "Clock offset", "Round trip", "Coordinator"), rows);
    }

    private static List<Cell> row(String name, Cell value) {
        return List.of(Cell.text(name), value);
    }

    static String nullToDash(String text) {
        return text == null || text.isEmpty() ? "-" : text;
    }
}
