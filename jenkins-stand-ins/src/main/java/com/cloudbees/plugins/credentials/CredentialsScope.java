package com.cloudbees.plugins.credentials;

/** Stand-in (compile only, tests) of where a credential is visible; jenkins-api.md §1.4, §2.6. */
public enum CredentialsScope {
    SYSTEM, GLOBAL, USER
}
