package io.clusterbench.report;

import io.clusterbench.report.Doc.Block;
import io.clusterbench.report.Doc.Bullets;
import io.clusterbench.report.Doc.Cell;
import io.clusterbench.report.Doc.Heading;
import io.clusterbench.report.Doc.Item;
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
 * Builds the audit report of one run as a {@link Doc}: verdict and score first, then the environment,
 * measurements, changes and evidence, objectives, comparison, and every failure and warning.
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
        // The effect of the tuning comes right after the verdict: it is what a run of `run` is for.
        blocks.addAll(ScoreSections.comparison(result));
        blocks.addAll(environment(result));
        blocks.addAll(MeasurementSections.of(result));
        blocks.addAll(TuningSections.of(result));
        blocks.addAll(ScoreSections.objectives(result));
        blocks.addAll(Findings.section(result));
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
                            + " or more, warning at " + Numbers.format(score.warningThreshold()) + " or more).")
                    .paragraph(Tones.of(score.verdict())));
            blocks.add(Line.of(score.explanation()).paragraph());
        }
        GateOutcome gate = result.gate();
        if (gate != null) {
            blocks.add(Line.of("Gate: ").strong(gate.status().name()).text(" (exit code " + gate.exitCode()
                    + "). " + gate.reason()).paragraph(Tones.of(gate.status())));
        }
        if (!result.insecureHosts().isEmpty()) {
            blocks.add(insecureHostsBanner(result.insecureHosts()));
        }
        List<Item> glance = new ArrayList<>();
        glance.add(Line.of(counts("Probes", result.probes(), ProbeMeasurement::status, ProbeStatus.values()))
                .item(Tone.NEUTRAL));
        if (score != null) {
            glance.add(Line.of(counts("Objectives", score.objectives(), ObjectiveResult::status,
                    ObjectiveStatus.values())).item(Tone.NEUTRAL));
        }
        glance.add(Line.of(result.changes().isEmpty() ? "Tuning actions: 0 (this run changed nothing)."
                : counts("Tuning actions", result.changes(), ChangeOutcome::status, ChangeStatus.values())
                        + " Evidence steps recorded: " + result.evidence().size() + ".").item(Tone.NEUTRAL));
        if (result.comparison() != null) {
            List<MetricEffect> metrics = result.comparison().metrics();
            long improved = metrics.stream().filter(m -> m.verdict() == EffectVerdict.IMPROVED).count();
            long worse = metrics.stream().filter(MetricEffect::worse).count();
            glance.add(Line.of("Effect of the tuning on " + metrics.size() + " key metrics: " + improved
                    + " improved, " + worse + " worse (table under \"Effect of the tuning\").").item(Tone.NEUTRAL));
        }
        int findings = Findings.of(result).size();
        glance.add(Line.of("Failures and warnings: " + findings + " (listed under \"Failures and warnings\").")
                .item(Tone.NEUTRAL));
        blocks.add(new Bullets(glance));
        return blocks;
    }

    static Doc.Paragraph insecureHostsBanner(List<String> hosts) {
        return Line.of("Host key not checked for " + hosts.size() + " host(s): ").codes(hosts, ", ", "")
                .text(". They were reached with ").code("insecureAcceptAnyHostKey: true")
                .text(", so any machine answering at their address was accepted; their numbers are unauthenticated.")
                .paragraph(Tone.BAD);
    }

    /** "Probes: 3: 2 OK, 1 FAILED." listing only the statuses that occur. */
    static <T, S extends Enum<S>> String counts(String what, List<T> items, Function<T, S> status, S[] order) {
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
        return what + ": " + items.size() + (parts.isEmpty() ? "." : ": " + String.join(", ", parts) + ".");
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
        return List.of(new Heading(2, "Cluster and environment", "environment"),
                new Table("Where and when this run happened", List.of("What", "Value"), rows));
    }

    private static List<Cell> row(String name, Cell value) {
        return List.of(Cell.text(name), value);
    }

    static String nullToDash(String text) {
        return text == null || text.isEmpty() ? "-" : text;
    }
}
