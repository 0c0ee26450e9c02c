package com.cloudbees.jenkins.plugins.sshcredentials;

import hudson.util.Secret;
import java.util.List;

/** Stand-in (compile only) of an SSH user with private keys; jenkins-api.md §2.6. */
@SuppressWarnings("deprecation")
public interface SSHUserPrivateKey extends SSHUser {
    List<String> getPrivateKeys();

    Secret getPassphrase();

    @Deprecated
    default String getPrivateKey() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
