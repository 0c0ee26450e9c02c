package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalRedis;
import io.clusterbench.testkit.RealServers;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Boots Jenkins (pom-jenkins.xml only) and runs {@code benchmarkCluster} in a Pipeline against a real Redis. */
@WithJenkins
@ExtendWith(RealServers.class)
class BenchmarkClusterStepITest {

    @Test
    void pipelineBenchmarksRedisAndKeepsASummaryAction(JenkinsRule j, LocalRedis redis) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "bench");
        job.setDefinition(new CpsFlowDefinition(pipeline(redis.port()), true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("verdict=PASS", run);
        j.assertLogContains("resultPath=clusterbench/result.json", run);
        ClusterBenchAction action = run.getAction(ClusterBenchAction.class);
        assertThat(action).isNotNull();
        assertThat(action.getVerdict()).isEqualTo("PASS");
        assertThat(action.getScore()).isEqualTo(100.0);
        assertThat(action.getFailedObjectives()).isEmpty();
    }

    private static String pipeline(int redisPort) {
        // A generous bound: the test is about the wiring, not about this machine's latency.
        String spec = """
                cluster: itest
                services:
                  cache: { type: redis, address: 127.0.0.1, port: %d }
                probes:
                  cache-latency: { service: cache, requests: 1000 }
                objectives:
                  - { metric: cache-latency.get.p99_ms, pass: "<= 1000" }
                """.formatted(redisPort);
        return """
                node {
                  writeFile file: 'cluster.yaml', text: '''%s'''
                  def r = benchmarkCluster spec: 'cluster.yaml'
                  echo "verdict=${r.verdict} score=${r.score}"
                  echo "resultPath=${r.resultPath}"
                }
                """.formatted(spec);
    }
}
