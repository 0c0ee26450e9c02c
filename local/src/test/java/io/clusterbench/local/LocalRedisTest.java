package io.clusterbench.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

class LocalRedisTest {

    private static final String PASSWORD = "s3cret \"quoted\" pass";

    @TempDir
    static Path folder;

    private static LocalRedis open;
    private static LocalRedis guarded;

    @BeforeAll
    static void startServers() throws Exception {
        open = LocalRedis.start(folder.resolve("open"));
        guarded = LocalRedis.start(folder.resolve("guarded"), PASSWORD);
    }

    @AfterAll
    static void stopServers() {
        if (guarded != null) {
            guarded.close();
        }
        if (open != null) {
            open.close();
        }
    }

    @Test
    void answersPingAndStoresValues() {
        try (Jedis jedis = new Jedis(open.host(), open.port())) {
            assertThat(jedis.ping()).isEqualTo("PONG");
            jedis.set("greeting", "hello");
            assertThat(jedis.get("greeting")).isEqualTo("hello");
        }
        assertThat(open.host()).isEqualTo("127.0.0.1");
        assertThat(open.password()).isEmpty();
    }

    @Test
    void refusesUnauthenticatedCommandWhenPasswordIsSet() {
        try (Jedis jedis = new Jedis(guarded.host(), guarded.port())) {
            assertThatThrownBy(() -> jedis.set("key", "value"))
                    .isInstanceOf(JedisDataException.class)
                    .hasMessageContaining("NOAUTH");
        }
    }

    @Test
    void acceptsCommandsWithThePassword() {
        DefaultJedisClientConfig config = DefaultJedisClientConfig.builder().password(PASSWORD).build();
        try (Jedis jedis = new Jedis(new HostAndPort(guarded.host(), guarded.port()), config)) {
            jedis.set("key", "value");
            assertThat(jedis.get("key")).isEqualTo("value");
        }
        assertThat(guarded.password()).contains(PASSWORD);
    }

    @Test
    void keepsTheConfigFileWithThePasswordReadableByItsOwnerOnly() throws Exception {
        assertThat(java.nio.file.Files.getPosixFilePermissions(guarded.configFile()))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void keepsPasswordOutOfToString() {
        assertThat(guarded.toString()).doesNotContain(PASSWORD).contains(String.valueOf(guarded.port()));
    }

    @Test
    void runsFromConfigFileThatConfigRewriteUpdates() throws Exception {
        try (Jedis jedis = new Jedis(open.host(), open.port())) {
            assertThat(jedis.configGet("dir")).containsEntry("dir", open.workDir().toString());
            jedis.configSet("timeout", "300");
            jedis.configRewrite();
        }

        assertThat(open.configFile()).isEqualTo(open.workDir().resolve("redis.conf"));
        assertThat(java.nio.file.Files.readString(open.configFile()))
                .contains("timeout 300")
                .contains("port " + open.port())
                .contains("bind 127.0.0.1");
    }

    @Test
    void closeKillsProcessAndFreesPort() throws Exception {
        LocalRedis redis = LocalRedis.start(folder.resolve("short-lived"));
        ProcessHandle process = ProcessHandle.of(redis.pid()).orElseThrow();

        redis.close();
        redis.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(redis.isAlive()).isFalse();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(redis.host(), redis.port()), 1000);
            }
        }).isInstanceOf(ConnectException.class);
    }
}
