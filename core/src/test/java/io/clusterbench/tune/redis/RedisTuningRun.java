package io.clusterbench.tune.redis;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.Evidence;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.ActionKind;
import io.clusterbench.spec.DefaultSecretResolver;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.tune.ActionRegistry;
import io.clusterbench.tune.EvidenceLog;
import io.clusterbench.tune.Tuning;
import io.clusterbench.control.TuningListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/** Test helper: a spec with one redis service and the given tuning lines, run through {@link Tuning}. */
final class RedisTuningRun {
    static final String PASSWORD_VARIABLE = "REDIS_PASSWORD";

    private final int port;
    private final Path folder;
    private final SecretResolver secrets;
    private final boolean withPassword;

    private RedisTuningRun(int port, Path folder, Map<String, String> environment, boolean withPassword) {
        this.port = port;
        this.folder = folder;
        this.secrets = new DefaultSecretResolver(environment::get);
        this.withPassword = withPassword;
    }

    /** A service without a password. */
    static RedisTuningRun at(int port, Path folder) {
        return new RedisTuningRun(port, folder, Map.of(), false);
    }

    /** A service whose password is {@code ${env:REDIS_PASSWORD}}, set to {@code password}. */
    static RedisTuningRun withPassword(int port, Path folder, String password) {
        return new RedisTuningRun(port, folder, Map.of(PASSWORD_VARIABLE, password), true);
    }

    SecretResolver secrets() {
        return secrets;
    }

    /** Loads a spec whose {@code tuning:} holds the given lines (each a YAML flow map). */
    LoadedSpec spec(String... tuning) throws ClusterBenchException {
        StringBuilder yaml = new StringBuilder()
                .append("cluster: local\n")
                .append("services:\n")
                .append("  cache:\n")
                .append("    type: redis\n")
                .append("    address: 127.0.0.1\n")
                .append("    port: ").append(port).append('\n');
        if (withPassword) {
            yaml.append("    password: \"${env:").append(PASSWORD_VARIABLE).append("}\"\n");
        }
        yaml.append("tuning:\n");
        for (String line : tuning) {
            yaml.append("  - ").append(line).append('\n');
        }
        return SpecLoader.load("cluster.yaml", yaml.toString(), folder, secrets);
    }

    Tuning tuning() {
        return new Tuning(ActionRegistry.of(Map.of(ActionKind.REDIS_CONFIG, new RedisConfigAction())), secrets,
                Clock.systemUTC());
    }

    /** Applies the tuning lines with rollback on, into a fresh output folder. */
    Applied apply(String... tuning) throws ClusterBenchException, IOException {
        Path out = Files.createTempDirectory(folder, "out-");
        return new Applied(tuning().apply(spec(tuning), "cluster.yaml", out, true, TuningListener.SILENT,
                () -> false), out);
    }

    /** One apply run: its result and the folder it wrote. */
    record Applied(RunResult result, Path out) {
        List<Evidence> evidence() throws IOException {
            return EvidenceLog.read(out.resolve(EvidenceLog.FILE_NAME));
        }

        /** The evidence steps of one action, in order. */
        List<String> steps(String actionId) throws IOException {
            return evidence().stream().filter(e -> e.action().equals(actionId)).map(e -> e.step().word()).toList();
        }

        ChangeOutcome outcome(String actionId) {
            return result.changes().stream().filter(c -> c.action().equals(actionId)).findFirst().orElseThrow();
        }
    }

    /** An admin connection of the test's own, to read what the server holds. */
    static Jedis jedis(int port) {
        return new Jedis(new HostAndPort("127.0.0.1", port), DefaultJedisClientConfig.builder().build());
    }

    static Jedis jedis(int port, String password) {
        return new Jedis(new HostAndPort("127.0.0.1", port), DefaultJedisClientConfig.builder()
                .password(password).build());
    }
}
