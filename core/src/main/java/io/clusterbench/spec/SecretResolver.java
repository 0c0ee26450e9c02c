package io.clusterbench.spec;

import io.clusterbench.ClusterBenchException;
import java.util.Optional;

/**
 * Turns a {@link SecretRef} into its value at the moment of use; messages name the reference, never a value.
 */
public interface SecretResolver {

    /** The secret's value; fails with a message naming the reference when it cannot be read. */
    String resolve(SecretRef ref) throws ClusterBenchException;

    /**
     * Why the secret could not be read now, or empty when it can; used at load time to warn early. The default
     * reads the secret and drops the value.
     */
    default Optional<String> unavailableReason(SecretRef ref) {
        try {
            resolve(ref);
            return Optional.empty();
        } catch (ClusterBenchException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Reads {@code ${env:...}} from this process's environment and {@code ${file:...}} from files. */
    static SecretResolver system() {
        return new DefaultSecretResolver(System::getenv);
    }
}
