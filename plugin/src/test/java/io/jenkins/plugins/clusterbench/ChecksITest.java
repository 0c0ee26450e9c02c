package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.testkit.RealServers;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisher;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Boots Jenkins (pom-jenkins.xml only) with checks-api installed (its optional dependency is on the test classpath)
 * and a publisher that keeps what it is given, as GitHub's would send it: each step publishes its result as a check
 * named after the result, with the verdict, the score, the gate's line and the failed objectives.
 */
@WithJenkins
@ExtendWith(RealServers.class)
class ChecksITest {

    @BeforeEach
    void forgetEarlierChecks() {
        Capturing.PUBLISHED.clear();
    }

    @Test
    void eachStepPublishesItsResultAsACompletedCheck(JenkinsRule j, LocalRedis redis) throws Exception {
        WorkflowJob job = job(j, "checks-pass", redis, "<= 1000");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        assertThat(Capturing.PUBLISHED).hasSize(2).allSatisfy(check -> {
            assertThat(check.getName()).hasValue("Cluster Bench");
            assertThat(check.getStatus()).isEqualTo(ChecksStatus.COMPLETED);
            assertThat(check.getConclusion()).isEqualTo(ChecksConclusion.SUCCESS);
            assertThat(check.getDetailsURL()).hasValueSatisfying(url -> assertThat(url)
                    .endsWith(run.getUrl() + "clusterbench/"));
        });
        ChecksOutput gate = Capturing.PUBLISHED.get(1).getOutput().orElseThrow();
        assertThat(gate.getTitle().orElseThrow()).startsWith("PASS, score ");
        assertThat(gate.getSummary().orElseThrow()).startsWith("Gate: PASS (exit 0)");
    }

    @Test
    void aFailedObjectiveMakesTheCheckAFailureThatExplainsIt(JenkinsRule j, LocalRedis redis) throws Exception {
        WorkflowJob job = job(j, "checks-fail", redis, "<= 0.000001");

        j.buildAndAssertStatus(Result.FAILURE, job);

        assertThat(Capturing.PUBLISHED).hasSize(2)
                .allSatisfy(check -> assertThat(check.getConclusion()).isEqualTo(ChecksConclusion.FAILURE));
        String summary = Capturing.PUBLISHED.get(1).getOutput().orElseThrow().getSummary().orElseThrow();
        assertThat(summary).startsWith("Gate: FAIL (exit 99)")
                .contains("### Failed objectives", "**cache-latency.get.p99_ms**: ");
    }

    private static WorkflowJob job(JenkinsRule j, String name, LocalRedis redis, String criterion) throws Exception {
        String spec = """
                cluster: itest-checks
                services:
                  cache: { type: redis, address: %s, port: %d }
                probes:
                  cache-latency: { service: cache, requests: 500 }
                objectives:
                  - { metric: cache-latency.get.p99_ms, pass: "%s", key: true }
                """.formatted(redis.host(), redis.port(), criterion);
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

    /** The publisher a build gets while these tests run: it keeps every check instead of sending it anywhere. */
    @TestExtension
    public static final class Capturing extends ChecksPublisherFactory {
        static final List<ChecksDetails> PUBLISHED = new CopyOnWriteArrayList<>();

        @Override
        protected Optional<ChecksPublisher> createPublisher(Run<?, ?> run, TaskListener listener) {
            return Optional.of(new ChecksPublisher() {
                @Override
                public void publish(ChecksDetails details) {
                    PUBLISHED.add(details);
                }
            });
        }
    }
}
