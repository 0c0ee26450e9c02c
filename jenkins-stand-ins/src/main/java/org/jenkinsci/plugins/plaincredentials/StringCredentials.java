package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;

/** Stand-in (compile only) of a secret text credential; jenkins-api.md §2.6. */
public interface StringCredentials extends StandardCredentials {
    Secret getSecret();
}
