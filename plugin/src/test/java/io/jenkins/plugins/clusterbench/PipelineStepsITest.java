package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalNginxBalancer;
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
 * Boots Jenkins (pom-jenkins.xml only) and runs all three Pipeline steps against the test kit's real Redis and nginx:
 * benchmark, plan, tune, benchmark again, gate; then checks the steps' return values in the console, the tuned
 * setting on the real Redis, the archived files and the build's summary action.
 */
@WithJenkins
@ExtendWith(RealServers.class)
class PipelineStepsITest {

    @Test
    void pipelineBenchmarksTunesAndGatesARealCluster(JenkinsRule j, LocalRedis redis, LocalNginxBalancer nginx)
            throws Exception {
        int wanted = Integer.parseInt(ITestCluster.redisSetting(redis, "timeout")) + 17;
        WorkflowJob job = j.createProject(WorkflowJob.class, "all-steps");
        job.setDefinition(new CpsFlowDefinition(pipeline(ITestCluster.spec(redis, nginx, wanted)), true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("before: verdict=PASS score=100.0 result=clusterbench-before/result.json", run);
        j.assertLogContains("plan: timeout -> " + wanted, run);
        j.assertLogContains("tuned: APPLIED verified=true", run);
        j.assertLogContains("after: verdict=PASS", run);
        j.assertLogContains("gate: SUCCESS", run);
        assertThat(ITestCluster.redisSetting(redis, "timeout")).isEqualTo(String.valueOf(wanted));
        for (String file : ITestCluster.REPORT_FILES) {
            assertThat(ITestCluster.archived(run, "clusterbench-before/" + file)).as(file).isTrue();
            assertThat(ITestCluster.archived(run, "clusterbench/" + file)).as(file).isTrue();
        }
        assertThat(ITestCluster.archived(run, "clusterbench-tuning/evidence.jsonl")).isTrue();
        assertThat(ITestCluster.archived(run, "clusterbench-plan/result.json")).as("a plan archives nothing").isFalse();
        ITestCluster.assertPassedAfterTuning(run.getAction(ClusterBenchAction.class), wanted);
    }

    private static String pipeline(String spec) {
        return """
                node {
                  writeFile file: 'cluster.yaml', text: '''%s'''
                  def before = benchmarkCluster spec: 'cluster.yaml', out: 'clusterbench-before'
                  echo "before: verdict=${before.verdict} score=${before.score} result=${before.resultPath}"
                  def plan = applyTuning spec: 'cluster.yaml', plan: true, out: 'clusterbench-plan'
                  plan.each { action, change -> echo "plan: timeout -> ${change.after.timeout}" }
                  def tuned = applyTuning spec: 'cluster.yaml', out: 'clusterbench-tuning'
                  tuned.each { action, change -> echo "tuned: ${change.status} verified=${change.verified}" }
                  def after = benchmarkCluster spec: 'cluster.yaml'
                  echo "after: verdict=${after.verdict}"
                  def gate = assertScore spec: 'cluster.yaml', minimum: 85, unstableBelow: 90, baseline: 'none'
                  echo "gate: ${currentBuild.currentResult}"
                }
                """.formatted(spec);
    }
}
