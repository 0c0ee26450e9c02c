package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.SpecLoader;
import org.junit.jupiter.api.Test;

/** The spec the {@code *ITest}s run is checked here, so a typo in it shows in this build and not only in Jenkins'. */
class ITestClusterTest {

    @Test
    void theITestSpecLoadsWithCoreAndNamesEveryPartTheITestsAssertOn() throws Exception {
        ClusterSpec spec = SpecLoader.load("itest.yaml", ITestCluster.spec("127.0.0.1", 6379, "http://127.0.0.1:8080", 300))
                .spec();

        assertThat(spec.probes().keySet()).containsExactly("cache-latency", "lb-latency");
        assertThat(spec.tuning()).hasSize(1);
        assertThat(spec.objectives()).hasSize(2);
    }

    @Test
    void theShardedSpecLoadsWithCoreAndKeepsTheRequestCountInEverySummary() throws Exception {
        ClusterSpec spec = SpecLoader.load("itest.yaml", ITestCluster.shardedSpec("http://127.0.0.1:8080")).spec();

        assertThat(spec.probes().keySet()).containsExactly("lb");
        assertThat(spec.trend().metrics()).containsExactly("lb.requests");
    }
}
