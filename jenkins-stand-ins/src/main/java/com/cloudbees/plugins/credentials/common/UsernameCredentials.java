package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Stand-in (compile only) of a credential with a user name; jenkins-api.md §2.6. */
public interface UsernameCredentials extends Credentials {
    String getUsername();

    default boolean isUsernameSecret() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
