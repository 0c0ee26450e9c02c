package com.cloudbees.jenkins.plugins.sshcredentials;

import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;

/** Stand-in (compile only) of the deprecated SSH user credential; jenkins-api.md §2.6. */
@Deprecated
public interface SSHUser extends StandardUsernameCredentials {
}
