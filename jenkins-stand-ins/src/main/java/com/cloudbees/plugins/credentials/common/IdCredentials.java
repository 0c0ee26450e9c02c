package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Stand-in (compile only) of a credential with an id; jenkins-api.md §2.6. */
public interface IdCredentials extends Credentials {
    String getId();
}
