package io.clusterbench.report;

import io.clusterbench.result.OutputFiles;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.GateOutcome;
import io.clusterbench.result.GateStatus;
import io.clusterbench.result.EffectTable;
import io.clusterbench.result.EffectVerdict;
import io.clusterbench.result.MetricEffect;
import io.clusterbench.result.Numbers;
import io.clusterbench.result.RunComparison;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ScoreResult;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code junit.xml}, so that any CI shows a scored run's objectives as tests (see docs/reports.md).
 *
 * <p>A scored run: one test case per objective; FAIL is a {@code failure}, INCONCLUSIVE and IGNORED are
 * {@code skipped}, WARNING passes with a note in {@code system-out}. A run without a score: one test case per probe;
 * FAILED is a {@code failure}, SKIPPED is {@code skipped}, PARTIAL passes with its errors in {@code system-out}.
 * Either way, one more test case per tuning action (see {@link #tuningCases}).
 */
final class JunitReport implements ReportWriter {

    static final String FILE_NAME = OutputFiles.JUNIT_XML;

    /** One test case as JUnit XML shows it. */
    private record Case(String classname, String name, String outcome, String type, String message, String detail,
            String out) {
    }

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public void write(RunResult result, OutputStream out) throws IOException {
        List<Case> cases = new ArrayList<>(result.score() == null ? probeCases(result) : objectiveCases(result));
        if (result.gate() != null) {
            cases.add(gateCase(result, result.gate()));
        }
        if (result.comparison() != null) {
            cases.addAll(effectCases(result, result.comparison()));
        }
        cases.addAll(tuningCases(result));
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", clean("clusterbench " + result.cluster()));
            xml.writeAttribute("tests", String.valueOf(cases.size()));
            xml.writeAttribute("failures", String.valueOf(count(cases, "failure")));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", String.valueOf(count(cases, "skipped")));
            xml.writeAttribute("time", seconds(Duration.between(result.startedAt(), result.endedAt())));
            // JUnit's schema wants a local timestamp without zone; the run's instants are UTC.
            xml.writeAttribute("timestamp", LocalDateTime.ofInstant(result.startedAt().truncatedTo(ChronoUnit.SECONDS),
                    ZoneOffset.UTC).toString());
            xml.writeAttribute("hostname", clean(AuditReport.nullToDash(result.tool().hostname())));
            properties(xml, result);
            for (Case testCase : cases) {
                testCase(xml, testCase);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + FILE_NAME + ": " + e.getMessage(), e);
        }
    }

    /**
     * The gate as one test case, so a CI that reads only junit.xml sees what the exit code says: it fails when the
     * gate fails or is unstable (Jenkins' JUnit publisher then marks the build UNSTABLE at least), passes otherwise.
     */
    private static Case gateCase(RunResult result, GateOutcome gate) {
        String outcome = gate.status() == GateStatus.PASS ? "pass" : "failure";
        String text = "gate " + gate.status() + " (exit code " + gate.exitCode() + "): " + gate.reason();
        return new Case(result.cluster() + ".gate", "gate: verdict " + gate.verdict() + ", score "
                + Numbers.format(gate.score()), outcome, "clusterbench.gate." + gate.status(), text, text, text);
    }

    /**
     * The effect table as test cases, one per key metric: the gate, not an effect, decides the build, so an effect
     * passes with its row as output, and an inconclusive one is skipped with its reason.
     */
    private static List<Case> effectCases(RunResult result, RunComparison comparison) {
        List<Case> cases = new ArrayList<>();
        List<List<String>> rows = EffectTable.rows(comparison);
        for (int i = 0; i < rows.size(); i++) {
            MetricEffect effect = comparison.metrics().get(i);
            List<String> row = rows.get(i);
            String text = "before " + row.get(1) + "; after " + row.get(2) + "; change " + row.get(3) + "; verdict "
                    + row.get(4) + "\n" + effect.reason() + "\n" + EffectTable.design(comparison);
            String outcome = effect.verdict() == EffectVerdict.INCONCLUSIVE ? "skipped" : "pass";
            cases.add(new Case(result.cluster() + ".effect", "effect: " + effect.metric() + " " + row.get(4), outcome,
                    "clusterbench.effect." + effect.verdict(), effect.reason(), text, text));
        }
        return cases;
    }

    /**
     * One test case per tuning action, so that a failed tuning is never invisible to a CI that reads only junit.xml:
     * FAILED, ROLLBACK_FAILED and an APPLIED change that was not verified (left applied by a recovery because it
     * cannot be undone) are failures; ROLLED_BACK (undone because another action failed, or on purpose) and
     * NOT_STARTED are skipped with their reason; APPLIED, UNCHANGED and CHECKED pass (a CHECKED mismatch is advice,
     * in the message, not a failure). Two exceptions: a required action that the preflight knew would fail is a
     * failure though it never started, since it is why nothing was applied; an optional action that FAILED is
     * skipped, not failed, because by the spec's word its failure fails nothing, and a CI that counts failures would
     * otherwise fail a build the tool passed; skipped keeps it visible with its message.
     */
    private static List<Case> tuningCases(RunResult result) {
        List<Case> cases = new ArrayList<>();
        for (ChangeOutcome change : result.changes()) {
            String outcome = change.refusedByPreflight() ? "failure" : switch (change.status()) {
                case FAILED -> change.optional() ? "skipped" : "failure";
                case ROLLBACK_FAILED -> "failure";
                case APPLIED -> change.verified() ? "pass" : "failure";
                case ROLLED_BACK, NOT_STARTED -> "skipped";
                case PLANNED, UNCHANGED, CHECKED -> "pass";
            };
            String text = "status " + change.status() + (change.optional() ? " (optional)" : "")
                    + (change.knownToFail().isEmpty() ? "" : "; known to fail: " + change.knownToFail()) + "; verified " + Numbers.yesNo(change.verified()) + "; target "
                    + change.target() + "; before " + change.before() + "; wanted " + change.wanted() + "; after "
                    + change.after() + "\n" + change.message();
            cases.add(new Case(result.cluster() + ".tuning", change.action() + " (" + change.kind() + ") "
                    + change.status() + (change.optional() ? " optional" : ""), outcome, "clusterbench.tuning." + change.status(), change.message(), text, text));
        }
        return cases;
    }

    private static List<Case> objectiveCases(RunResult result) {
        ScoreResult score = result.score();
        List<Case> cases = new ArrayList<>();
        for (ObjectiveResult objective : score.objectives()) {
            String name = objective.metric() + " " + objective.pass()
                    + (objective.warning() == null ? "" : " (warning " + objective.warning() + ")");
            String numbers = "status " + objective.status() + "; measured "
                    + Numbers.withUnit(objective.measured(), objective.unit()) + "; bound "
                    + Numbers.withUnit(objective.bound(), objective.unit()) + "; baseline "
                    + Numbers.withUnit(objective.baseline(), objective.unit()) + " from "
                    + objective.baselineRuns().size() + " run(s); test "
                    + ScoreSections.statistic(objective.statistic(), objective.pValue()) + "; weight "
                    + Numbers.format(objective.weight()) + (objective.key() ? " (key)" : "") + "; contribution "
                    + Numbers.score(objective.contribution()) + " points\n" + objective.explanation();
            String outcome = switch (objective.status()) {
                case FAIL -> "failure";
                case INCONCLUSIVE, IGNORED -> "skipped";
                case PASS, WARNING -> "pass";
            };
            String message = objective.status() == ObjectiveStatus.WARNING
                    ? "WARNING: " + objective.explanation() : objective.explanation();
            cases.add(new Case(result.cluster(), name, outcome, "clusterbench.objective", message, numbers,
                    objective.status() == ObjectiveStatus.WARNING ? "WARNING: " + numbers : numbers));
        }
        return cases;
    }

    private static List<Case> probeCases(RunResult result) {
        List<Case> cases = new ArrayList<>();
        for (ProbeMeasurement probe : result.probes()) {
            String errors = probe.errors().stream()
                    .map(e -> e.kind() + " x " + e.count() + ": " + e.message())
                    .collect(Collectors.joining("\n"));
            String summary = "status " + probe.status() + "; target " + probe.target() + "; "
                    + probe.metrics().size() + " metrics; " + probe.errors().size() + " distinct errors"
                    + (errors.isEmpty() ? "" : "\n" + errors);
            String first = probe.errors().stream().findFirst().map(ProbeError::message)
                    .orElse("status " + probe.status());
            String outcome = switch (probe.status()) {
                case FAILED -> "failure";
                case SKIPPED -> "skipped";
                case OK, PARTIAL -> "pass";
            };
            cases.add(new Case(result.cluster() + ".probes", probe.probe() + " (" + probe.kind() + ")", outcome,
                    "clusterbench.probe",
                    probe.status() == ProbeStatus.PARTIAL ? "PARTIAL: " + first : first, summary, summary));
        }
        return cases;
    }

    private static void properties(XMLStreamWriter xml, RunResult result) throws XMLStreamException {
        xml.writeStartElement("properties");
        property(xml, "runId", result.runId());
        property(xml, "specSha256", AuditReport.nullToDash(result.specSha256()));
        if (result.score() == null) {
            property(xml, "verdict", "not scored");
        } else {
            property(xml, "verdict", result.score().verdict().name());
            property(xml, "score", Numbers.score(result.score().score()));
            property(xml, "passThreshold", Numbers.format(result.score().passThreshold()));
            property(xml, "warningThreshold", Numbers.format(result.score().warningThreshold()));
        }
        if (result.gate() != null) {
            property(xml, "gate", result.gate().status().name());
            property(xml, "gateExitCode", String.valueOf(result.gate().exitCode()));
        }
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value));
    }

    private static void testCase(XMLStreamWriter xml, Case testCase) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", clean(testCase.classname()));
        xml.writeAttribute("name", clean(testCase.name()));
        xml.writeAttribute("time", "0");
        if (!testCase.outcome().equals("pass")) {
            xml.writeStartElement(testCase.outcome());
            xml.writeAttribute("message", clean(testCase.message()));
            if (testCase.outcome().equals("failure")) {
                xml.writeAttribute("type", testCase.type());
            }
            xml.writeCharacters(clean(testCase.detail()));
            xml.writeEndElement();
        }
        xml.writeStartElement("system-out");
        xml.writeCharacters(clean(testCase.out()));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static long count(List<Case> cases, String outcome) {
        return cases.stream().filter(c -> c.outcome().equals(outcome)).count();
    }

    private static String seconds(Duration duration) {
        return java.math.BigDecimal.valueOf(Math.max(0, duration.toMillis()), 3).toPlainString();
    }

    private static String clean(String text) {
        return XmlText.clean(text);
    }
}
