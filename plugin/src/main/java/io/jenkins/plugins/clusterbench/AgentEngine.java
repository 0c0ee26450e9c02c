package io.jenkins.plugins.clusterbench;

import hudson.util.Secret;
import io.clusterbench.engine.ClusterBench;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds core's engine on the agent with the build's bound secrets in front of the agent's environment, and the
 * exception a stopped step ends with.
 */
final class AgentEngine {
    private AgentEngine() {
    }

    /** The standard engine, except that {@code ${env:NAME}} reads a bound secret first. */
    static ClusterBench with(Map<String, Secret> secrets) {
        Map<String, String> plain = new HashMap<>();
        secrets.forEach((name, secret) -> plain.put(name, secret.getPlainText()));
        return ClusterBench.withSecrets(new BoundSecretResolver(plain, System::getenv));
    }

    /**
     * What a callable throws after core wrote a stopped run: InterruptedException is what makes Jenkins mark the
     * build ABORTED, not FAILURE, and never lets it pass on partial numbers. Core set the thread's interrupt flag
     * again; it is cleared here because the exception now carries the interrupt, as any thrower of it does.
     */
    static InterruptedException stopped(String message) {
        Thread.interrupted();
        return new InterruptedException(message);
    }
}
