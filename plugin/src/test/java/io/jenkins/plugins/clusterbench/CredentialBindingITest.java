package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.local.LocalSshd;
import io.clusterbench.testkit.RealServers;
import java.nio.file.Files;
import java.nio.file.Path;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Boots Jenkins (pom-jenkins.xml only): a real {@link BasicSSHUserPrivateKey} reaches the test kit's sshd through a
 * credential binding, and the binding's form validation answers only callers allowed to see credentials. None of the
 * plugin's form validation connects to a host, so it cannot be used to probe one; what it could leak is which
 * credential ids exist, and that is what the permission test checks.
 */
@WithJenkins
@ExtendWith(RealServers.class)
class CredentialBindingITest {

    @Test
    void sshKeyCredentialLogsIntoTheHostWithoutPrintingTheKey(JenkinsRule j, LocalSshd sshd) throws Exception {
        String key = Files.readString(sshd.clientKey());
        SystemCredentialsProvider.getInstance().getCredentials().add(new BasicSSHUserPrivateKey(
                CredentialsScope.GLOBAL, "box-key", sshd.user(),
                new BasicSSHUserPrivateKey.DirectEntryPrivateKeySource(key), null, "test kit sshd"));
        WorkflowJob job = j.createProject(WorkflowJob.class, "ssh");
        job.setDefinition(new CpsFlowDefinition(pipeline(sshd), true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("finished memory (OK)", run);
        String keyBody = key.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
        j.assertLogNotContains(keyBody, run);
        assertThat(run.getAction(ClusterBenchAction.class)).isNotNull();
    }

    @Test
    void withCredentialsAndWithEnvReachTheSpecsEnvReferencesWithoutPrintingTheSecret(JenkinsRule j,
            @TempDir Path dir) throws Exception {
        String password = "wc-" + Long.toHexString(System.nanoTime()) + "-secret";
        LocalRedis redis = LocalRedis.start(dir.resolve("redis"), password);
        try {
            SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(
                    CredentialsScope.GLOBAL, "redis-password", "test kit redis", Secret.fromString(password)));
            String spec = """
                    cluster: itest
                    services:
                      cache: { type: redis, address: 127.0.0.1, port: %d, password: "${env:REDIS_PASSWORD}" }
                    probes:
                      latency: { service: cache, clients: 2, requests: 200 }
                    """.formatted(redis.port());
            WorkflowJob job = j.createProject(WorkflowJob.class, "env");
            job.setDefinition(new CpsFlowDefinition("""
                    node {
                      writeFile file: 'cluster.yaml', text: '''%s'''
                      withCredentials([string(credentialsId: 'redis-password', variable: 'REDIS_PASSWORD')]) {
                        def r = benchmarkCluster spec: 'cluster.yaml', out: 'by-credentials'
                        echo "by-credentials measured: ${r.metrics['latency.ops_per_s'] != null}"
                      }
                      withEnv(['REDIS_PASSWORD=%s']) {
                        def r = benchmarkCluster spec: 'cluster.yaml', out: 'by-env'
                        echo "by-env measured: ${r.metrics['latency.ops_per_s'] != null}"
                      }
                    }
                    """.formatted(spec, password), true));

            WorkflowRun run = j.buildAndAssertSuccess(job);

            // Both benchmarks logged in: without the password the probe fails and measures no throughput.
            j.assertLogContains("by-credentials measured: true", run);
            j.assertLogContains("by-env measured: true", run);
            j.assertLogNotContains(password, run);
        } finally {
            redis.close();
        }
    }

    @Test
    void formValidationTellsOnlyCallersWithPermissionOnTheJobWhichCredentialsExist(JenkinsRule j) throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        FreeStyleProject job = j.createFreeStyleProject();
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().to("configurer"));
        SystemCredentialsProvider.getInstance().getCredentials().add(new BasicSSHUserPrivateKey(
                CredentialsScope.GLOBAL, "known", "u", new BasicSSHUserPrivateKey.DirectEntryPrivateKeySource("k"),
                null, ""));
        CredentialBinding.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(CredentialBinding.DescriptorImpl.class);

        try (ACLContext asReader = ACL.as2(User.getById("reader", true).impersonate2())) {
            // The same answer for an id that exists and one that does not: nothing to probe with.
            assertThat(descriptor.doCheckCredentialsId(job, "missing").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doCheckCredentialsId(job, "known").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doCheckCredentialsId(null, "missing").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doFillCredentialsIdItems(job, "")).noneMatch(option -> "known".equals(option.value));
            assertThat(descriptor.doFillCredentialsIdItems(null, "")).noneMatch(option -> "known".equals(option.value));
        }
        try (ACLContext asConfigurer = ACL.as2(User.getById("configurer", true).impersonate2())) {
            assertThat(descriptor.doCheckCredentialsId(job, "missing").kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(descriptor.doCheckCredentialsId(job, "known").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(descriptor.doFillCredentialsIdItems(job, "")).anyMatch(option -> "known".equals(option.value));
            // Configuring one job does not make a user an administrator: without a job, still nothing is told.
            assertThat(descriptor.doCheckCredentialsId(null, "missing").kind).isEqualTo(FormValidation.Kind.OK);
        }
    }

    @Test
    void assertScoreFormRefusesABadBaselineOrScoreWithCoresWords(JenkinsRule j) {
        AssertScoreStep.DescriptorImpl descriptor = j.jenkins.getDescriptorByType(AssertScoreStep.DescriptorImpl.class);

        assertThat(descriptor.doCheckBaseline("lastPassing:5").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(descriptor.doCheckBaseline("previous:2").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(descriptor.doCheckMinimum("").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(descriptor.doCheckMinimum("85").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(descriptor.doCheckMinimum("101").getMessage()).contains("from 0 to 100");
        assertThat(descriptor.doCheckUnstableBelow("abc").kind).isEqualTo(FormValidation.Kind.ERROR);
    }

    private static String pipeline(LocalSshd sshd) {
        String spec = """
                cluster: itest
                hosts:
                  box: { address: 127.0.0.1, port: %d, user: %s, key: "${env:BOX_KEY}", hostKey: "%s" }
                probes:
                  memory: { type: host, hosts: [box] }
                """.formatted(sshd.port(), sshd.user(), sshd.hostKeyFingerprint());
        return """
                node {
                  writeFile file: 'cluster.yaml', text: '''%s'''
                  benchmarkCluster spec: 'cluster.yaml', credentials: [[name: 'BOX_KEY', credentialsId: 'box-key']]
                }
                """.formatted(spec);
    }
}
