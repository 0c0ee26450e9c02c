package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.testkit.RealServers;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Boots Jenkins (pom-jenkins.xml only): {@code assertScore} after {@code benchmarkCluster} against a real Redis turns
 * a failed objective into FAILURE and a warning into UNSTABLE, and the job gets its trend from the builds' summaries.
 */
@WithJenkins
@ExtendWith(RealServers.class)
class ClusterBenchGateITest {

    @Test
    void aFailingGateFailsTheBuildAndExplainsWhy(JenkinsRule j, LocalRedis redis) throws Exception {
        // No Redis answers a GET in a nanosecond, so the objective fails whatever the machine.
        WorkflowJob job = job(j, "fail", redis.port(), "pass: \"<= 0.000001\"");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("cache-latency.get.p99_ms", run);
        ClusterBenchAction action = run.getAction(ClusterBenchAction.class);
        assertThat(action).isNotNull();
        assertThat(action.getVerdict()).isEqualTo("FAIL");
        assertThat(action.getFailedObjectives()).containsExactly("cache-latency.get.p99_ms");
    }

    @Test
    void aWarningMakesTheBuildUnstable(JenkinsRule j, LocalRedis redis) throws Exception {
        WorkflowJob job = job(j, "warn", redis.port(), "pass: \"<= 0.000001\", warning: \"<= 1000\"");

        WorkflowRun run = j.buildAndAssertStatus(Result.UNSTABLE, job);

        assertThat(run.getAction(ClusterBenchAction.class).getVerdict()).isEqualTo("WARNING");
    }

    @Test
    void theJobTrendDrawsEveryBuildFromItsSummary(JenkinsRule j, LocalRedis redis) throws Exception {
        WorkflowJob job = job(j, "trend", redis.port(), "pass: \"<= 1000\"");
        j.buildAndAssertSuccess(job);
        j.buildAndAssertSuccess(job);

        ClusterBenchJobAction trend = job.getAction(ClusterBenchJobAction.class);

        assertThat(trend).isNotNull();
        assertThat(trend.isTrendVisible()).isTrue();
        assertThat(trend.getUrlName()).isEqualTo(ClusterBenchAction.URL_NAME);
        assertThat(trend.getBuildTrendModel()).contains("\"buildNumbers\":[1,2]").contains(io.clusterbench.result.TrendPalette.PASS);
    }

    private static WorkflowJob job(JenkinsRule j, String name, int redisPort, String criteria) throws Exception {
        String spec = """
                cluster: itest
                services:
                  cache: { type: redis, address: 127.0.0.1, port: %d }
                probes:
                  cache-latency: { service: cache, requests: 1000 }
                objectives:
                  - { metric: cache-latency.get.p99_ms, %s }
                """.formatted(redisPort, criteria);
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  writeFile file: 'cluster.yaml', text: '''%s'''
                  benchmarkCluster spec: 'cluster.yaml'
                  assertScore spec: 'cluster.yaml', baseline: 'none'
                }
                """.formatted(spec), true));
        return job;
    }
}
