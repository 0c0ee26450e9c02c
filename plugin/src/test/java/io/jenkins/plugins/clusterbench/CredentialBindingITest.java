package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.FormValidation;
import io.clusterbench.local.LocalSshd;
import io.clusterbench.testkit.RealServers;
import java.nio.file.Files;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Boots Jenkins (pom-jenkins.xml only): a real {@link BasicSSHUserPrivateKey} reaches the test kit's sshd through a
 * credential binding, and the binding's form validation answers only callers allowed to see credentials.
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
    void formValidationAnswersAPermittedCallerAboutIds(JenkinsRule j) throws Exception {
        // The reference's harness has no MockAuthorizationStrategy or impersonation, so this covers the permitted
        // side only (tests run as SYSTEM): an unknown id is an error, a known one is accepted.
        SystemCredentialsProvider.getInstance().getCredentials().add(new BasicSSHUserPrivateKey(
                CredentialsScope.GLOBAL, "known", "u", new BasicSSHUserPrivateKey.DirectEntryPrivateKeySource("k"),
                null, ""));
        CredentialBinding.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(CredentialBinding.DescriptorImpl.class);

        assertThat(descriptor.doCheckCredentialsId(null, "missing").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(descriptor.doCheckCredentialsId(null, "known").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(descriptor.doFillCredentialsIdItems(null, "")).anyMatch(option -> "known".equals(option.value));
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
