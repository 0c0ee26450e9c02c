package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.testkit.RealServers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Boots Jenkins (pom-jenkins.xml only) and runs the three freestyle build steps, configured as in
 * docs/examples/freestyle-config.xml, against the test kit's real Redis and nginx. The spec lies in the job's
 * workspace, as a checkout would leave it.
 */
@WithJenkins
@ExtendWith(RealServers.class)
class FreestyleBuildStepsITest {

    @TempDir
    Path workspace;

    @Test
    void freestyleJobBenchmarksTunesAndGatesARealCluster(JenkinsRule j, LocalRedis redis, LocalNginxBalancer nginx)
            throws Exception {
        int wanted = Integer.parseInt(ITestCluster.redisSetting(redis, "timeout")) + 23;
        FreeStyleProject project = project(j, ITestCluster.spec(redis, nginx, wanted));
        project.getBuildersList().add(new BenchmarkClusterBuilder(benchmark("clusterbench-before")));
        project.getBuildersList().add(new ApplyTuningBuilder(new ApplyTuningStep("cluster.yaml")));
        project.getBuildersList().add(new BenchmarkClusterBuilder(benchmark("clusterbench")));
        project.getBuildersList().add(new AssertScoreBuilder(gate(85.0)));

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        assertThat(ITestCluster.redisSetting(redis, "timeout")).isEqualTo(String.valueOf(wanted));
        for (String file : ITestCluster.REPORT_FILES) {
            assertThat(ITestCluster.archived(build, "clusterbench/" + file)).as(file).isTrue();
        }
        assertThat(ITestCluster.archived(build, "clusterbench-tuning/evidence.jsonl")).isTrue();
        j.assertLogContains("Cluster Bench verdict: PASS", build);
        ITestCluster.assertPassedAfterTuning(build, wanted);
    }

    @Test
    void freestyleGateFailsTheBuildOnAFailedObjectiveAndStillArchives(JenkinsRule j, LocalRedis redis,
            LocalNginxBalancer nginx) throws Exception {
        FreeStyleProject project = project(j, ITestCluster.specWithImpossibleCacheObjective(redis, nginx));
        project.getBuildersList().add(new BenchmarkClusterBuilder(benchmark("clusterbench")));
        project.getBuildersList().add(new AssertScoreBuilder(gate(85.0)));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("cache-latency.get.p99_ms", build);
        assertThat(ITestCluster.archived(build, "clusterbench/result.json")).isTrue();
        assertThat(ITestCluster.archived(build, "clusterbench/junit.xml")).isTrue();
        assertThat(build.getAction(ClusterBenchAction.class).getFailedObjectives())
                .containsExactly("cache-latency.get.p99_ms");
    }

    private FreeStyleProject project(JenkinsRule j, String spec) throws Exception {
        Files.writeString(workspace.resolve("cluster.yaml"), spec);
        FreeStyleProject project = j.createFreeStyleProject();
        project.setCustomWorkspace(workspace.toString());
        return project;
    }

    private static BenchmarkClusterStep benchmark(String out) {
        BenchmarkClusterStep step = new BenchmarkClusterStep("cluster.yaml");
        step.setOut(out);
        return step;
    }

    private static AssertScoreStep gate(double minimum) {
        AssertScoreStep step = new AssertScoreStep("cluster.yaml");
        step.setMinimum(minimum);
        step.setBaseline("none");
        return step;
    }
}
