package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Boots Jenkins (pom-jenkins.xml only): each freestyle build step keeps every option the form shows through a
 * save-and-reload of its configuration page. ({@code only} is script-only, so it is left at its default here.)
 */
@WithJenkins
class BuildersConfigRoundtripITest {

    @Test
    void benchmarkBuilderKeepsItsOptions(JenkinsRule j) throws Exception {
        BenchmarkClusterStep options = new BenchmarkClusterStep("ci/cluster.yaml");
        options.setOut("bench-out");
        options.setArchive(false);
        BenchmarkClusterBuilder before = new BenchmarkClusterBuilder(options);

        BenchmarkClusterBuilder after = j.configRoundtrip(before);

        j.assertEqualDataBoundBeans(before, after);
        assertThat(after.getBenchmark().getOut()).isEqualTo("bench-out");
    }

    @Test
    void tuningBuilderKeepsItsOptions(JenkinsRule j) throws Exception {
        ApplyTuningStep options = new ApplyTuningStep("ci/cluster.yaml");
        options.setPlan(true);
        options.setRollback(false);
        ApplyTuningBuilder before = new ApplyTuningBuilder(options);

        ApplyTuningBuilder after = j.configRoundtrip(before);

        j.assertEqualDataBoundBeans(before, after);
        assertThat(after.getTuning().isPlan()).isTrue();
    }

    @Test
    void gateBuilderKeepsItsOptions(JenkinsRule j) throws Exception {
        AssertScoreStep options = new AssertScoreStep("ci/cluster.yaml");
        options.setMinimum(85.0);
        options.setUnstableBelow(90.0);
        options.setBaseline("last:3");
        options.setFailOnInconclusive(true);
        AssertScoreBuilder before = new AssertScoreBuilder(options);

        AssertScoreBuilder after = j.configRoundtrip(before);

        j.assertEqualDataBoundBeans(before, after);
        assertThat(after.getGate().getBaseline()).isEqualTo("last:3");
    }
}
