package com.cloudbees.plugins.credentials.common;

/** Stand-in (compile only) of a user name and password; jenkins-api.md §2.6. */
public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {
}
