package io.jenkins.plugins.clusterbench;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.core.Authentication;

/**
 * Binds a Jenkins credential to the name a spec reads with {@code ${env:NAME}}: secret text or a password as the
 * value, an SSH key's text as NAME (and its passphrase as NAME_PASSPHRASE).
 */
public final class CredentialBinding extends AbstractDescribableImpl<CredentialBinding> {
    private final String name;
    private final String credentialsId;

    @DataBoundConstructor
    public CredentialBinding(String name, String credentialsId) {
        this.name = name == null ? "" : name.trim();
        this.credentialsId = credentialsId == null ? "" : credentialsId.trim();
    }

    /** The NAME of {@code ${env:NAME}} in the spec. */
    public String getName() {
        return name;
    }

    /** The id of the credential bound to that name. */
    public String getCredentialsId() {
        return credentialsId;
    }

    @Override
    public String toString() {
        // Ids and names are not secret; the values never pass through this object.
        return name + " <- credentials '" + credentialsId + "'";
    }

    /** Fills and checks the form with the credentials plugin's security rules: POST, and permission on the item. */
    @Extension
    @Symbol("clusterBenchCredential")
    public static final class DescriptorImpl extends Descriptor<CredentialBinding> {
        @Override
        public String getDisplayName() {
            return Messages.CredentialBinding_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            if (!mayListCredentials(item)) {
                return new StandardListBoxModel().includeCurrentValue(credentialsId);
            }
            Authentication as = item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
            return new StandardListBoxModel().includeEmptyValue()
                    .includeAs(as, item, SSHUserPrivateKey.class)
                    .includeAs(as, item, StringCredentials.class)
                    .includeAs(as, item, StandardUsernamePasswordCredentials.class)
                    .includeCurrentValue(credentialsId);
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            if (!mayListCredentials(item)) {
                // Answering anything else would tell a user without permission which ids exist.
                return FormValidation.ok();
            }
            if (value == null || value.isBlank()) {
                return FormValidation.error(Messages.CredentialBinding_ChooseCredential());
            }
            Authentication as = item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
            StandardCredentials found = CredentialsProvider.findCredentialByIdInItem(value, StandardCredentials.class,
                    item, as, List.of());
            if (found == null) {
                return FormValidation.error(Messages.CredentialBinding_NotVisible(value));
            }
            return BoundCredentials.supports(found) ? FormValidation.ok()
                    : FormValidation.error(Messages.CredentialBinding_UnsupportedKind());
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            return FormChecks.credentialName(value).toFormValidation();
        }

        // Without an item, only administrators; with one, the credentials plugin's consumer rule (docs/consumer.adoc).
        private static boolean mayListCredentials(Item item) {
            if (item == null) {
                return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
            }
            return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
        }
    }
}
