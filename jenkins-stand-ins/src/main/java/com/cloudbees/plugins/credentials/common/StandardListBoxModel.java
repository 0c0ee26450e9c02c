package com.cloudbees.plugins.credentials.common;

/** Stand-in (compile only) of the drop-down of standard credentials; jenkins-api.md §2.6. */
public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {

    public StandardListBoxModel() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
