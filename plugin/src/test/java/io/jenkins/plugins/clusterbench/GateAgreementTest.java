package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.engine.ClusterBench;
import io.clusterbench.engine.GatedRun;
import io.clusterbench.result.GatePolicy;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.History;
import io.clusterbench.testkit.GateCases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plugin's gate code over the same table as the CLI's GateAgreementTest: the step's options become core's
 * policy, core's gate decides (as on the agent), and the build result and console line follow that decision.
 */
class GateAgreementTest {

    static List<GateCases.Case> cases() {
        return GateCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theBuildResultAndConsoleFollowTheSameDecisionAsTheCli(GateCases.Case row, @TempDir Path dir)
            throws Exception {
        Path spec = row.writeSpec(dir);
        Path result = row.writeResult(dir, spec);
        AssertScoreStep step = new AssertScoreStep(spec.toString());
        step.setMinimum(row.policy().minScore());
        step.setUnstableBelow(row.policy().unstableBelow());
        step.setFailOnWarning(row.policy().failOnWarning());
        step.setFailOnInconclusive(row.policy().failOnInconclusive());

        GatePolicy policy = step.policy();
        ClusterBench engine = ClusterBench.standard();
        GatedRun gated = engine.gate(engine.load(spec), ResultFiles.read(result), History.empty(), policy,
                dir.resolve("out"));

        assertThat(policy).isEqualTo(row.policy());
        assertThat(gated.gate().status()).isEqualTo(row.status());
        assertThat(gated.gate().verdict()).isEqualTo(row.verdict());
        assertThat(gated.gate().exitCode()).isEqualTo(row.exitCode());
        assertThat(GateResults.nameOf(gated.gate())).isEqualTo(switch (row.status()) {
            case PASS -> "SUCCESS";
            case UNSTABLE -> "UNSTABLE";
            case FAIL -> "FAILURE";
        });
        assertThat(GateResults.line(gated.gate())).isEqualTo("Cluster Bench " + gated.gate().line());
        assertThat(ResultFiles.read(dir.resolve("out").resolve(ResultFiles.RESULT_JSON)).gate())
                .isEqualTo(gated.gate());
    }
}
