package com.cloudbees.plugins.credentials.common;

/** Stand-in (compile only) of a standard credential with a user name; jenkins-api.md §2.6. */
public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {
}
