package com.cloudbees.plugins.credentials.common;

/** Stand-in (compile only) of a standard user name and password credential; jenkins-api.md §2.6. */
public interface StandardUsernamePasswordCredentials extends StandardUsernameCredentials, UsernamePasswordCredentials {
}
