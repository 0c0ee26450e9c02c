package io.clusterbench.testkit;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.result.GatePolicy;
import io.clusterbench.result.GateStatus;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ToolInfo;
import io.clusterbench.result.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;


/**
 * One table of (verdict, score, policy) cases that the CLI's and the plugin's gate tests both drive, so that the
 * two fronts, result.json, the reports and junit.xml are held to the same expected gate decision.
 *
 * <p>Every case scores a promql probe's metrics {@code prom.a} (pass {@code <= 10}, warning {@code <= 20},
 * weight 1) and {@code prom.b} (pass {@code <= 10}, weight 3) against {@code score: pass 90, warning 75}; a value
 * of 16 for {@code a} earns 0.4 of its weight, so a=16, b=5 scores 85: a WARNING.
 */
public final class GateCases {

    /**
     * One row.
     *
     * @param name what the row shows
     * @param a the value of prom.a
     * @param b the value of prom.b
     * @param relative whether a relative objective on prom.c (no history, so inconclusive) is added
     * @param probeStatus how the probe ended: OK; FAILED (the run cannot be scored); PARTIAL (killed half-way, with
     *     connection errors, so its numbers did not finish)
     * @param policy the gate's policy
     * @param verdict the verdict expected in result.json and the reports
     * @param status the gate status expected
     * @param exitCode the CLI exit code expected
     */
    public record Case(String name, double a, double b, boolean relative, ProbeStatus probeStatus, GatePolicy policy,
            Verdict verdict, GateStatus status, int exitCode) {

        @Override
        public String toString() {
            return name;
        }

        /** The CLI options that say this case's policy. */
        public List<String> cliOptions() {
            List<String> options = new ArrayList<>();
            if (policy.minScore() != null) {
                options.addAll(List.of("--min-score", String.valueOf(policy.minScore())));
            }
            if (policy.unstableBelow() != null) {
                options.addAll(List.of("--unstable-below", String.valueOf(policy.unstableBelow())));
            }
            if (policy.failOnWarning()) {
                options.add("--fail-on-warning");
            }
            if (policy.failOnInconclusive()) {
                options.add("--fail-on-inconclusive");
            }
            return options;
        }

        /** Writes {@code cluster.yaml} into {@code dir} and returns it. */
        public Path writeSpec(Path dir) throws IOException {
            return Files.writeString(dir.resolve("cluster.yaml"), """
                    cluster: gate-cases
                    services:
                      metrics: { type: prometheus, url: "http://127.0.0.1:9" }
                    probes:
                      prom: { service: metrics, queries: { a: "up", b: "up", c: "up" } }
                    objectives:
                      - { metric: prom.a, pass: "<= 10", warning: "<= 20", weight: 1 }
                      - { metric: prom.b, pass: "<= 10", weight: 3 }
                    %s
                    score: { pass: 90, warning: 75 }
                    """.formatted(relative ? "  - { metric: prom.c, pass: \"<= +10%\", weight: 1 }" : ""));
        }

        /** Writes the measured run as {@code dir/run/result.json} and returns that file. */
        public Path writeResult(Path dir, Path spec) throws ClusterBenchException {
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            List<MetricValue> values = probeStatus == ProbeStatus.FAILED ? List.of()
                    : List.of(MetricValue.of("a", a, ""), MetricValue.of("b", b, ""), MetricValue.of("c", 1, ""));
            List<ProbeError> errors = probeStatus == ProbeStatus.OK ? List.of()
                    : List.of(new ProbeError(ErrorKind.UNREACHABLE, "connection refused", 21, t0));
            ProbeMeasurement probe = new ProbeMeasurement("prom", "promql", "http://127.0.0.1:9", probeStatus, t0,
                    t0.plusSeconds(1), values, List.of(), errors);
            RunResult run = new RunResult(RunResult.SCHEMA_VERSION, "20260101T000000Z-" + Integer.toHexString(
                    Math.abs(name.hashCode())), "gate-cases", spec.toString(), "0".repeat(64),
                    new ToolInfo("clusterbench", "test", "17", "test", "Linux"), t0, t0.plusSeconds(1), List.of(),
                    List.of(probe));
            Path file = dir.resolve("run").resolve(ResultFiles.RESULT_JSON);
            ResultFiles.write(run, file);
            return file;
        }
    }

    private static final GatePolicy DEFAULT = GatePolicy.DEFAULT;

    private GateCases() {
    }

    /** Every row. */
    public static List<Case> all() {
        GatePolicy failOnWarning = new GatePolicy(null, null, true, false);
        GatePolicy failOnInconclusive = new GatePolicy(null, null, false, true);
        ProbeStatus ok = ProbeStatus.OK;
        return List.of(
                new Case("pass", 5, 5, false, ok, DEFAULT, Verdict.PASS, GateStatus.PASS, 0),
                new Case("pass but below the unstable line", 14, 5, false, ok,
                        new GatePolicy(null, 95.0, false, false), Verdict.PASS, GateStatus.UNSTABLE, 0),
                new Case("warning is unstable", 16, 5, false, ok, DEFAULT, Verdict.WARNING, GateStatus.UNSTABLE, 0),
                new Case("warning with fail on warning", 16, 5, false, ok, failOnWarning, Verdict.WARNING,
                        GateStatus.FAIL, 98),
                new Case("warning above a lower minimum passes", 16, 5, false, ok,
                        new GatePolicy(80.0, null, false, false), Verdict.PASS, GateStatus.PASS, 0),
                new Case("below the minimum fails", 16, 5, false, ok, new GatePolicy(90.0, null, false, false),
                        Verdict.FAIL, GateStatus.FAIL, 99),
                new Case("fail", 30, 12, false, ok, DEFAULT, Verdict.FAIL, GateStatus.FAIL, 99),
                new Case("a fail above a minimum the spec's thresholds miss", 30, 5, false, ok,
                        new GatePolicy(60.0, null, false, false), Verdict.PASS, GateStatus.PASS, 0),
                new Case("inconclusive is unstable", 5, 5, true, ok, DEFAULT, Verdict.INCONCLUSIVE,
                        GateStatus.UNSTABLE, 0),
                new Case("inconclusive with fail on inconclusive", 5, 5, true, ok, failOnInconclusive,
                        Verdict.INCONCLUSIVE, GateStatus.FAIL, 97),
                new Case("nothing measured", 5, 5, false, ProbeStatus.FAILED, DEFAULT, Verdict.ERROR,
                        GateStatus.FAIL, 96),
                new Case("a probe killed half-way passes nothing", 5, 5, false, ProbeStatus.PARTIAL, DEFAULT,
                        Verdict.FAIL, GateStatus.FAIL, 99));
    }

}
