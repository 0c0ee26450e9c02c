package io.clusterbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterbench.result.GateOutcome;
import io.clusterbench.result.GateStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.testkit.GateCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The five outputs of one gate (console, exit code, result.json's gate, audit-report.md/html, junit.xml) say the same
 * thing for every row of the shared table; the plugin's GateAgreementTest holds its build result to the same rows.
 */
class GateAgreementTest {

    static List<GateCases.Case> cases() {
        return GateCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void consoleExitCodeResultReportsAndJunitAgree(GateCases.Case row, @TempDir Path dir) throws Exception {
        Path spec = row.writeSpec(dir);
        Path result = row.writeResult(dir, spec);
        Path out = dir.resolve("gated");
        List<String> args = new ArrayList<>(List.of("assert", result.toString(), "--spec", spec.toString(),
                "--out", out.toString()));
        args.addAll(row.cliOptions());

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(row.exitCode());
        RunResult written = ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON));
        GateOutcome gate = written.gate();
        assertThat(gate.status()).isEqualTo(row.status());
        assertThat(gate.exitCode()).isEqualTo(row.exitCode());
        assertThat(gate.verdict()).isEqualTo(row.verdict());
        assertThat(written.score().verdict()).isEqualTo(row.verdict());
        assertThat(run.out()).contains(gate.line()).contains("Verdict: " + row.verdict());
        assertThat(Files.readString(out.resolve("audit-report.md")))
                .contains("Gate: **" + row.status() + "** (exit code " + row.exitCode() + ")")
                .contains("Verdict: **" + row.verdict() + "**");
        assertThat(Files.readString(out.resolve("audit-report.html")))
                .contains("Gate: <strong>" + row.status() + "</strong> (exit code " + row.exitCode() + ")");
        assertJunitSays(out.resolve("junit.xml"), row);
    }

    private static void assertJunitSays(Path junit, GateCases.Case row) throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        NodeList properties = xml.getElementsByTagName("property");
        String gate = null;
        String verdict = null;
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if (property.getAttribute("name").equals("gate")) {
                gate = property.getAttribute("value");
            } else if (property.getAttribute("name").equals("verdict")) {
                verdict = property.getAttribute("value");
            }
        }
        assertThat(gate).isEqualTo(row.status().name());
        assertThat(verdict).isEqualTo(row.verdict().name());
        Element gateCase = null;
        NodeList cases = xml.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            if (testCase.getAttribute("classname").endsWith(".gate")) {
                gateCase = testCase;
            }
        }
        assertThat(gateCase).isNotNull();
        boolean failing = gateCase.getElementsByTagName("failure").getLength() > 0;
        assertThat(failing).isEqualTo(row.status() != GateStatus.PASS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void refusesAnOptionOutOfRangeWithExit2BeforeWritingAnything(List<String> options, @TempDir Path dir)
            throws Exception {
        GateCases.Case row = GateCases.all().get(0);
        Path spec = row.writeSpec(dir);
        Path result = row.writeResult(dir, spec);
        Path out = dir.resolve("gated");
        List<String> args = new ArrayList<>(List.of("assert", result.toString(), "--spec", spec.toString(),
                "--out", out.toString()));
        args.addAll(options);
        long before = Files.getLastModifiedTime(result).toMillis();

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(options.get(0)).contains("from 0 to 100").doesNotContain("\tat ")
                .doesNotContain("internal error");
        assertThat(run.out()).doesNotContain("Verdict");
        assertThat(out).doesNotExist();
        assertThat(Files.getLastModifiedTime(result).toMillis()).isEqualTo(before);
        JsonNode stored = new ObjectMapper().readTree(result.toFile());
        assertThat(stored.has("gate") && !stored.get("gate").isNull()).isFalse();
    }

    static List<List<String>> badOptions() {
        return List.of(List.of("--min-score", "101"), List.of("--min-score", "-5"), List.of("--min-score", "NaN"),
                List.of("--unstable-below", "150"));
    }
}
