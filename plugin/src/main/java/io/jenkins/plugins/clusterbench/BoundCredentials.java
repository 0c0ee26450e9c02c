package io.jenkins.plugins.clusterbench;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import hudson.util.Secret;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Looks up a step's credential bindings on the controller, with the build as context so folder credentials and
 * permissions apply, records their use, and returns the values as {@link Secret}s for the agent.
 */
final class BoundCredentials {
    static final String PASSPHRASE_SUFFIX = "_PASSPHRASE";

    private BoundCredentials() {
    }

    /** Whether a credential of this type can be bound. */
    static boolean supports(StandardCredentials credentials) {
        return credentials instanceof SSHUserPrivateKey || credentials instanceof StringCredentials
                || credentials instanceof StandardUsernamePasswordCredentials;
    }

    /**
     * Name to secret for everything a spec's {@code ${env:NAME}} may read: every binding of the step, then the
     * build's environment ({@code withEnv}, {@code withCredentials}, job parameters, the freestyle build's
     * variables), which the agent process's own environment does not hold. A binding wins over an environment
     * variable of the same name. Fails the step naming the binding (never a value) when one is unusable.
     */
    static HashMap<String, Secret> lookUp(List<CredentialBinding> bindings, Run<?, ?> run,
            Map<String, String> environment) throws AbortException {
        HashMap<String, Secret> secrets = lookUp(bindings, run);
        if (environment != null) {
            environment.forEach((name, value) -> {
                if (value != null && BoundSecretResolver.nameProblem(name).isEmpty()) {
                    // Secret, because withCredentials puts secrets here: they cross to the agent encrypted.
                    secrets.putIfAbsent(name, Secret.fromString(value));
                }
            });
        }
        return secrets;
    }

    /** Name to secret, for every binding; fails the step naming the binding (never a value) when one is unusable. */
    static HashMap<String, Secret> lookUp(List<CredentialBinding> bindings, Run<?, ?> run) throws AbortException {
        HashMap<String, Secret> secrets = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (CredentialBinding binding : bindings) {
            String problem = BoundSecretResolver.nameProblem(binding.getName()).orElse(null);
            if (problem != null) {
                throw new AbortException("Cluster Bench credentials: " + problem);
            }
            if (!names.add(binding.getName())) {
                throw new AbortException("Cluster Bench credentials: " + binding.getName() + " is bound twice");
            }
            StandardCredentials found = CredentialsProvider.findCredentialById(binding.getCredentialsId(),
                    StandardCredentials.class, run);
            if (found == null) {
                throw new AbortException("Cluster Bench credentials: " + binding + ": no such credential, or this"
                        + " build may not use it");
            }
            // findCredentialById tracks only parameter-given ids (reference §2.6), so track every one here.
            CredentialsProvider.track(run, found);
            bind(binding, found, secrets);
        }
        return secrets;
    }

    private static void bind(CredentialBinding binding, StandardCredentials found, HashMap<String, Secret> secrets)
            throws AbortException {
        String name = binding.getName();
        if (found instanceof SSHUserPrivateKey key) {
            List<String> keys = key.getPrivateKeys();
            if (keys.isEmpty()) {
                throw new AbortException("Cluster Bench credentials: " + binding + " holds no private key");
            }
            secrets.put(name, Secret.fromString(keys.get(0)));
            Secret passphrase = key.getPassphrase();
            if (passphrase != null && !passphrase.getPlainText().isEmpty()) {
                secrets.put(name + PASSPHRASE_SUFFIX, passphrase);
            }
        } else if (found instanceof StringCredentials text) {
            secrets.put(name, text.getSecret());
        } else if (found instanceof StandardUsernamePasswordCredentials password) {
            secrets.put(name, password.getPassword());
        } else {
            throw new AbortException("Cluster Bench credentials: " + binding + " is not an SSH private key, secret"
                    + " text or username with password credential");
        }
    }
}
