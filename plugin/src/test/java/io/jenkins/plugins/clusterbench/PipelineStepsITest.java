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
 * setting on the real Redis, the archived files and the build's summary action; and verifies a tuning
 * ({@code verify: true}) and checks the map it returns.
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
        ITestCluster.assertPassedAfterTuning(run, wanted);
    }

    @Test
    void verifyingATuningReturnsTheEffectPerKeyMetricAndShowsItOnTheBuild(JenkinsRule j, LocalRedis redis)
            throws Exception {
        int wanted = Integer.parseInt(ITestCluster.redisSetting(redis, "slowlog-max-len")) + 13;
        String spec = """
                cluster: itest-verify
                services:
                  cache: { type: redis, address: %s, port: %d }
                probes:
                  cache: { service: cache, clients: 2, requests: 500, warmup: 0s }
                tuning:
                  - { id: slowlog, redis-config: cache, set: { slowlog-max-len: %d } }
                objectives:
                  - { metric: cache.p99_ms, pass: "<= 1000", key: true }
                """.formatted(redis.host(), redis.port(), wanted);
        WorkflowJob job = j.createProject(WorkflowJob.class, "verify");
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  writeFile file: 'cluster.yaml', text: '''%s'''
                  def r = applyTuning(spec: 'cluster.yaml', verify: true)
                  echo "verify: design=${r.design} order=${r.order} verdict=${r.verdict} rolledBack=${r.rolledBack}"
                  echo "verify: regressed is boolean=${r.regressed instanceof Boolean}"
                  echo "verify: slowlog ${r.changes.slowlog.status} verified=${r.changes.slowlog.verified}"
                  def p99 = r.effects.find { it.metric == 'cache.p99_ms' }
                  echo "verify: p99 verdict known=${['improved', 'worse', 'no detectable change', 'inconclusive'].contains(p99.verdict)}"
                  echo "verify: p99 unit=${p99.unit} reason=${p99.reason ? 'given' : 'missing'}"
                  def keys = ['metric', 'unit', 'verdict', 'change', 'changeLow', 'changeHigh', 'changePct',
                              'changePctLow', 'changePctHigh', 'detectablePct', 'reason']
                  echo "verify: keys=${r.effects.every { e -> keys.every { e.containsKey(it) } }}"
                }
                """.formatted(spec), true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("verify: design=alternating order=ABBAABBAAB verdict=PASS rolledBack=false", run);
        j.assertLogContains("verify: regressed is boolean=true", run);
        j.assertLogContains("verify: slowlog APPLIED verified=true", run);
        j.assertLogContains("verify: p99 verdict known=true", run);
        j.assertLogContains("verify: p99 unit=ms reason=given", run);
        j.assertLogContains("verify: keys=true", run);
        j.assertLogContains("Change [95% CI]", run);
        j.assertLogContains("Design: alternating (ABBAABBAAB)", run);
        assertThat(ITestCluster.redisSetting(redis, "slowlog-max-len")).isEqualTo(String.valueOf(wanted));
        assertThat(ITestCluster.archived(run, "clusterbench-tuning/tuning/evidence.jsonl")).isTrue();
        assertThat(ITestCluster.archived(run, "clusterbench-tuning/audit-report.html")).isTrue();
        ClusterBenchAction action = run.getAction(ClusterBenchAction.class);
        assertThat(action.getEffects()).extracting(EffectLine::getMetric).contains("cache.p99_ms");
        assertThat(action.getEffectCounts()).isNotEmpty();
        assertThat(action.getChanges()).singleElement()
                .satisfies(change -> assertThat(change.getStatus()).isEqualTo("APPLIED"));
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
