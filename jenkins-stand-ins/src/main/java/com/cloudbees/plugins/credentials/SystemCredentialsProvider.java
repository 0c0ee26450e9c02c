package com.cloudbees.plugins.credentials;

import java.util.List;

/**
 * Stand-in (compile only, tests) of the global credentials store; jenkins-api.md §1.4 ("Credentials in tests").
 * The real class extends ManagedDescribable and more; only the two calls the tests make exist.
 */
public class SystemCredentialsProvider {

    private SystemCredentialsProvider() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public static SystemCredentialsProvider getInstance() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public List<Credentials> getCredentials() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
