package com.cloudbees.plugins.credentials.common;

/** Stand-in (compile only) of a credential with an id and a description; jenkins-api.md §2.6. */
public interface StandardCredentials extends IdCredentials {
    String getDescription();
}
