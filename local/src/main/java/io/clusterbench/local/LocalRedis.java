package io.clusterbench.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A private redis-server started from a {@code redis.conf} in its own folder, without persistence.
 *
 * <p>It runs from a config file rather than command-line flags so that {@code CONFIG REWRITE} works.
 */
public final class LocalRedis extends ProcessBackedServer {

    private static final Duration STARTUP = Duration.ofSeconds(15);

    private final Optional<String> password;
    private final Path configFile;

    private LocalRedis(int port, Path workDir, ManagedProcess process, Optional<String> password, Path configFile) {
        super("redis", port, workDir, process);
        this.password = password;
        this.configFile = configFile;
    }

    /** Starts Redis without a password in the folder (created if absent). */
    public static LocalRedis start(Path workDir) throws LocalServerException {
        return start(workDir, Optional.empty(), Binaries.system());
    }

    /** Starts Redis in the folder, requiring the password from every client. */
    public static LocalRedis start(Path workDir, String password) throws LocalServerException {
        return start(workDir, Optional.of(password), Binaries.system());
    }

    /** Starts Redis in the folder with an optional password, taking redis-server from the given binaries. */
    public static LocalRedis start(Path workDir, Optional<String> password, Binaries binaries)
            throws LocalServerException {
        Objects.requireNonNull(password, "password");
        password.ifPresent(LocalRedis::checkPassword);
        Path binary = binaries.locate(ServerBinary.REDIS_SERVER);
        Path dir = WorkFiles.createFolder(workDir);
        Path configFile = dir.resolve("redis.conf");
        Path serverLog = dir.resolve("redis.log");
        return FreePorts.retryOnPortClash(() -> {
            int port = FreePorts.loopback();
            WorkFiles.write(configFile, config(port, dir, serverLog, password));
            ManagedProcess process = ManagedProcess.start("redis", List.of(binary.toString(), configFile.toString()),
                    dir, List.of(serverLog));
            process.awaitReady(STARTUP, () -> answersAs(port, password, process.pid()));
            return new LocalRedis(port, dir, process, password, configFile);
        });
    }

    /** The password clients must send, if one is set. */
    public Optional<String> password() {
        return password;
    }

    /** The {@code redis.conf} the server was started from (and that CONFIG REWRITE writes to). */
    public Path configFile() {
        return configFile;
    }

    static String config(int port, Path dir, Path serverLog, Optional<String> password) {
        StringBuilder text = new StringBuilder()
                .append("# Written by Cluster Bench for a private local instance.\n")
                .append("port ").append(port).append('\n')
                .append("bind ").append(LOOPBACK).append('\n')
                .append("protected-mode yes\n")
                .append("daemonize no\n")
                .append("supervised no\n")
                .append("dir ").append(quoted(dir.toString())).append('\n')
                .append("logfile ").append(quoted(serverLog.toString())).append('\n')
                .append("loglevel notice\n")
                .append("save \"\"\n")
                .append("appendonly no\n");
        password.ifPresent(secret -> text.append("requirepass ").append(quoted(secret)).append('\n'));
        return text.toString();
    }

    /** PONG alone could come from another Redis that won the port; the process id proves it is ours. */
    private static boolean answersAs(int port, Optional<String> password, long pid) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .timeoutMillis(1000);
        password.ifPresent(config::password);
        try (Jedis jedis = new Jedis(new HostAndPort(LOOPBACK, port), config.build())) {
            return "PONG".equals(jedis.ping()) && jedis.info("server").contains("process_id:" + pid + "\r\n");
        }
    }

    private static void checkPassword(String password) {
        if (password.isEmpty() || password.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("the Redis password must be non-empty and free of control characters");
        }
    }

    /** Redis config values in double quotes take backslash escapes, so paths and passwords may hold anything. */
    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
