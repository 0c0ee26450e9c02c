package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.testkit.RealServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Boots Jenkins (pom-jenkins.xml only): one result per step id in a build, sequential and in parallel stages, each
 * with its own page and job trend; the job gets trends only once a build has results, and every page the plugin
 * links to answers.
 */
@WithJenkins
@ExtendWith(RealServers.class)
class ResultIdsITest {

    @Test
    void twoIdsInOnePipelineBuildKeepTwoResultsPagesAndTrends(JenkinsRule j, LocalRedis redis) throws Exception {
        WorkflowJob job = job(j, "two-ids", redis, """
                benchmarkCluster spec: 'cluster.yaml', out: 'clusterbench-before'
                benchmarkCluster spec: 'cluster.yaml', id: 'after', out: 'after'
                """);

        WorkflowRun first = j.buildAndAssertSuccess(job);
        WorkflowRun second = j.buildAndAssertSuccess(job);

        for (WorkflowRun run : new WorkflowRun[] {first, second}) {
            assertThat(run.getActions(ClusterBenchAction.class)).extracting(ClusterBenchAction::getId)
                    .containsExactlyInAnyOrder("before", "after");
            assertThat(ClusterBenchResults.find(run, "before").getResultPath())
                    .isEqualTo("clusterbench-before/result.json");
            assertThat(ClusterBenchResults.find(run, "after").getResultPath()).isEqualTo("after/result.json");
            assertThat(ClusterBenchResults.find(run, "after").getObjectives()).as("details from the build's file")
                    .isNotEmpty();
        }
        assertThat(job.getActions(ClusterBenchJobAction.class)).extracting(ClusterBenchJobAction::getUrlName)
                .containsExactlyInAnyOrder("clusterbench-before", "clusterbench-after");
        for (ClusterBenchJobAction trend : job.getActions(ClusterBenchJobAction.class)) {
            assertThat(trend.getBuildTrendModel()).contains("\"buildNumbers\":[1,2]");
            assertAnswers(j, job.getUrl() + trend.getUrlName() + "/");
            assertAnswers(j, second.getUrl() + trend.getUrlName() + "/");
            // Where a click on the job page's chart goes: <job>/<build>/<urlName>.
            assertAnswers(j, job.getUrl() + "1/" + trend.getUrlName() + "/");
        }
    }

    @Test
    void parallelStagesKeepEveryResult(JenkinsRule j, LocalRedis redis) throws Exception {
        WorkflowJob job = job(j, "parallel", redis, """
                parallel(
                  left: { benchmarkCluster spec: 'cluster.yaml', id: 'left', out: 'out-left' },
                  right: { benchmarkCluster spec: 'cluster.yaml', id: 'right', out: 'out-right' })
                """);

        WorkflowRun run = j.buildAndAssertSuccess(job);

        assertThat(run.getActions(ClusterBenchAction.class)).extracting(ClusterBenchAction::getId)
                .containsExactlyInAnyOrder("left", "right");
        assertThat(job.getActions(ClusterBenchJobAction.class)).hasSize(2);
        assertAnswers(j, run.getUrl() + "clusterbench-left/");
        assertAnswers(j, run.getUrl() + "clusterbench-right/");
    }

    @Test
    void aJobWithoutResultsHasNoTrendAndABadIdFailsTheStepBeforeItRuns(JenkinsRule j, LocalRedis redis)
            throws Exception {
        WorkflowJob job = job(j, "bad-id", redis, "benchmarkCluster spec: 'cluster.yaml', id: 'has space'\n");

        assertThat(job.getActions(ClusterBenchJobAction.class)).isEmpty();
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("'has space' is not a result id", run);
        j.assertLogNotContains("Benchmarking cluster", run);
        assertThat(run.getActions(ClusterBenchAction.class)).isEmpty();
        assertThat(job.getActions(ClusterBenchJobAction.class)).isEmpty();
    }

    private static WorkflowJob job(JenkinsRule j, String name, LocalRedis redis, String steps) throws Exception {
        String spec = """
                cluster: itest-ids
                services:
                  cache: { type: redis, address: %s, port: %d }
                probes:
                  cache-latency: { service: cache, requests: 500 }
                objectives:
                  - { metric: cache-latency.get.p99_ms, pass: "<= 1000" }
                """.formatted(redis.host(), redis.port());
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  writeFile file: 'cluster.yaml', text: '''%s'''
                  %s
                }
                """.formatted(spec, steps), true));
        return job;
    }

    /** Requests a page over plain HTTP, as a browser following the plugin's link would, and expects it to answer. */
    private static void assertAnswers(JenkinsRule j, String relativeUrl) throws Exception {
        URI page = j.getURL().toURI().resolve(relativeUrl);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(page).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(page.toString()).isEqualTo(200);
    }
}
