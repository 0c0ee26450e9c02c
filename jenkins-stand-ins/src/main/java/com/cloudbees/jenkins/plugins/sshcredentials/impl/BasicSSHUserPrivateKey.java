package com.cloudbees.jenkins.plugins.sshcredentials.impl;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.util.Secret;
import java.util.List;

/**
 * Stand-in (compile only, tests) of the SSH key credential; jenkins-api.md §1.4 ("Credentials in tests"). The real
 * class extends BaseSSHUser and PrivateKeySource is a Describable; both supertypes are left out.
 */
public class BasicSSHUserPrivateKey implements SSHUserPrivateKey {
    private static final long serialVersionUID = 1L;

    public BasicSSHUserPrivateKey(CredentialsScope scope, String id, String username,
            PrivateKeySource privateKeySource, String passphrase, String description) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @Override
    public String getId() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @Override
    public String getDescription() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @Override
    public String getUsername() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @Override
    public List<String> getPrivateKeys() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @Override
    public Secret getPassphrase() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    /** Stand-in of where the key comes from. */
    public abstract static class PrivateKeySource {
        protected PrivateKeySource() {
            throw new UnsupportedOperationException("stand-in: compile only");
        }
    }

    /** Stand-in of a key pasted into the form. */
    public static class DirectEntryPrivateKeySource extends PrivateKeySource {
        public DirectEntryPrivateKeySource(String privateKey) {
            throw new UnsupportedOperationException("stand-in: compile only");
        }
    }
}
