package io.jenkins.plugins.clusterbench;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.spec.DefaultSecretResolver;
import io.clusterbench.spec.SecretRef;
import io.clusterbench.spec.SecretResolver;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Resolves a spec's {@code ${env:NAME}} from the secrets the build bound to NAME first, then from the agent's
 * environment, so a spec reads the same under Jenkins and on the command line; {@code ${file:...}} is unchanged.
 */
final class BoundSecretResolver implements SecretResolver {
    // The same names a spec's ${env:NAME} accepts, so every binding can be referenced.
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final SecretResolver delegate;
    private final int boundCount;

    /** {@code bound} maps names to plain values; {@code environment} returns a variable or null when unset. */
    BoundSecretResolver(Map<String, String> bound, Function<String, String> environment) {
        Map<String, String> copy = Map.copyOf(bound);
        this.delegate = new DefaultSecretResolver(name -> copy.containsKey(name) ? copy.get(name) : environment.apply(name));
        this.boundCount = copy.size();
    }

    /** Why {@code name} cannot name a bound secret, or empty when it can. */
    static Optional<String> nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("give the name the spec uses in ${env:NAME}");
        }
        return NAME.matcher(name).matches() ? Optional.empty()
                : Optional.of("'" + name + "' is not a variable name: letters, digits and _, not starting with a digit");
    }

    @Override
    public String resolve(SecretRef ref) throws ClusterBenchException {
        return delegate.resolve(ref);
    }

    @Override
    public Optional<String> unavailableReason(SecretRef ref) {
        return delegate.unavailableReason(ref);
    }

    @Override
    public String toString() {
        // Never the values, and not even the names' values' lengths.
        return "BoundSecretResolver[" + boundCount + " bound secret(s), then the environment]";
    }
}
