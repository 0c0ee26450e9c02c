package org.jenkinsci.plugins.plaincredentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.util.Secret;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Stand-in (compile only) of plain-credentials' secret text credential, for the ITests that create one; the real
 * class extends {@code BaseStandardCredentials}, which nothing here uses (a deliberate omission, see README).
 */
public final class StringCredentialsImpl implements StringCredentials {
    private static final long serialVersionUID = 1L;

    public StringCredentialsImpl(CredentialsScope scope, String id, String description, Secret secret) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @Override
    public Secret getSecret() {
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
}
