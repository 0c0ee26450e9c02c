package io.clusterbench.tune.redis;

import io.clusterbench.local.Binaries;
import io.clusterbench.local.FreePorts;
import io.clusterbench.local.LocalServerException;
import io.clusterbench.local.ManagedProcess;
import io.clusterbench.local.ServerBinary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.Jedis;

/**
 * A redis-server started from command-line flags only, as in most Docker images: it has no config file, so CONFIG
 * REWRITE fails on it. {@link io.clusterbench.local.LocalRedis} always has one, hence this test helper.
 */
final class BareRedis implements AutoCloseable {
    private final ManagedProcess process;
    private final int port;

    private BareRedis(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static BareRedis start(Path dir) throws LocalServerException {
        Path binary = Binaries.system().locate(ServerBinary.REDIS_SERVER);
        return FreePorts.retryOnPortClash(() -> {
            int port = FreePorts.loopback();
            ManagedProcess process = ManagedProcess.start("bare-redis", List.of(binary.toString(),
                    "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                    "--dir", dir.toString()), dir, List.of());
            process.awaitReady(Duration.ofSeconds(15), () -> {
                try (Jedis jedis = RedisTuningRun.jedis(port)) {
                    return jedis.info("server").contains("process_id:" + process.pid() + "\r\n");
                }
            });
            return new BareRedis(process, port);
        });
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        process.stop();
    }
}
