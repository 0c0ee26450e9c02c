package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import hudson.util.Secret;

/** Stand-in (compile only) of a credential with a password; jenkins-api.md §2.6. */
public interface PasswordCredentials extends Credentials {
    Secret getPassword();
}
