package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Label;
import hudson.slaves.DumbSlave;
import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.testkit.RealServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Boots Jenkins (pom-jenkins.xml only) with two agents labelled {@code bench} and runs docs/distributed.md's Pipeline
 * pattern against the test kit's real nginx: one {@code parallel} branch per shard on {@code node('bench')}, each
 * {@code benchmarkCluster(shard:, runId:, startAt:)} stashing its result, then {@code mergeResults} on the built-in
 * node. The merged run must be on the build page, scored, with the shards' requests added up.
 */
@WithJenkins
@ExtendWith(RealServers.class)
class ShardsOnAgentsITest {
    /**
     * How far ahead of the build the shards' common start is: enough for the build to start, both branches to get
     * their agents' executors, write the spec and read the agents' clocks; a shard later than that by more than 1 s
     * fails the build rather than measure another window.
     */
    private static final long START_IN_SECONDS = 30;

    @Test
    void shardsOnTwoAgentsMergeIntoOneRunOnTheBuildPage(JenkinsRule j, LocalNginxBalancer nginx) throws Exception {
        DumbSlave first = j.createOnlineSlave(Label.get("bench"));
        DumbSlave second = j.createOnlineSlave(Label.get("bench"));
        String startAt = Instant.now().plusSeconds(START_IN_SECONDS).truncatedTo(ChronoUnit.SECONDS).toString();
        WorkflowJob job = j.createProject(WorkflowJob.class, "shards");
        job.setDefinition(new CpsFlowDefinition(pipeline(ITestCluster.shardedSpec(nginx.url()), startAt), true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        // Each agent has one executor and a shard holds it until the common start, so the shards ran on both.
        j.assertLogContains("ran on " + first.getNodeName(), run);
        j.assertLogContains("ran on " + second.getNodeName(), run);
        j.assertLogContains("Merged 2 shards of run itest-shards-1 into merged", run);
        j.assertLogContains("shard 1/2 from ", run);
        j.assertLogContains("shard 2/2 from ", run);
        j.assertLogContains("to Jenkins controller", run);
        j.assertLogContains("merged: runId=itest-shards-1 verdict=PASS", run);

        assertThat(run.getActions(ClusterBenchAction.class)).extracting(ClusterBenchAction::getId)
                .containsExactlyInAnyOrder("shard1", "shard2", "merged");
        double shardRequests = requests(ClusterBenchResults.find(run, "shard1"))
                + requests(ClusterBenchResults.find(run, "shard2"));
        ClusterBenchAction merged = ClusterBenchResults.find(run, "merged");
        assertThat(requests(merged)).isEqualTo(shardRequests).isEqualTo(ITestCluster.SHARDED_REQUESTS);
        assertThat(merged.getVerdict()).isEqualTo("PASS");
        assertThat(merged.getResultPath()).isEqualTo("merged/result.json");
        assertThat(ITestCluster.archived(run, "merged/result.json")).isTrue();

        assertThat(page(j, run.getUrl())).contains("Cluster Bench: merged: PASS, score 100.0 / 100");
        assertThat(page(j, run.getUrl() + merged.getUrlName() + "/"))
                .containsPattern("lb\\.requests</td>\\s*<td>" + (double) ITestCluster.SHARDED_REQUESTS + "<");
    }

    /** docs/distributed.md's pattern with the spec written into each workspace instead of checked out. */
    private static String pipeline(String spec, String startAt) {
        return """
                def runId = "itest-shards-${env.BUILD_NUMBER}"
                def startAt = '%2$s'
                def shards = %3$d
                def branches = [:]
                for (int i = 1; i <= shards; i++) {
                  def shard = i
                  branches["shard ${shard}"] = {
                    node('bench') {
                      writeFile file: 'cluster.yaml', text: '''%1$s'''
                      def r = benchmarkCluster spec: 'cluster.yaml', shard: "${shard}/${shards}", runId: runId,
                          startAt: startAt, out: "shard${shard}", id: "shard${shard}", archive: false
                      echo "shard ${shard} ran on ${env.NODE_NAME}: requests=${r.metrics['lb.requests']}"
                      stash name: "shard${shard}", includes: "shard${shard}/**"
                    }
                  }
                }
                parallel branches
                node('built-in') {
                  writeFile file: 'cluster.yaml', text: '''%1$s'''
                  def results = []
                  for (int i = 1; i <= shards; i++) { unstash "shard${i}"; results << "shard${i}" }
                  def merged = mergeResults spec: 'cluster.yaml', results: results, out: 'merged', id: 'merged'
                  echo "merged: runId=${merged.runId} verdict=${merged.verdict} requests=${merged.metrics['lb.requests']}"
                }
                """.formatted(spec, startAt, ITestCluster.SHARDS);
    }

    private static double requests(ClusterBenchAction action) {
        Double requests = action.getMetrics().get("lb.requests");
        assertThat(requests).as("lb.requests of %s", action.getId()).isNotNull();
        return requests;
    }

    /** A page of this Jenkins as a browser gets it. */
    private static String page(JenkinsRule j, String relativeUrl) throws Exception {
        URI page = j.getURL().toURI().resolve(relativeUrl);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(page).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(page.toString()).isEqualTo(200);
        return response.body();
    }
}
