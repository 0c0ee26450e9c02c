package io.clusterbench.probe.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the redis probe chooses and names its keys. */
class KeySpaceTest {

    @Test
    void escapesGlobCharactersSoThePatternMatchesOnlyThePrefix() {
        assertThat(KeySpace.globEscape("a*b?c[d]e\\f:")).isEqualTo("a\\*b\\?c\\[d\\]e\\\\f:");
        assertThat(keys(64, 100_000, "plain:").scanPattern()).isEqualTo("plain:*");
    }

    @Test
    void boundsTheKeysByTheCountOfCommandsAndByTheSizeOfValues() {
        assertThat(KeySpace.sizeFor(settings(64, 100_000, "p:"))).isEqualTo(KeySpace.MAX_KEYS);
        assertThat(KeySpace.sizeFor(settings(64, 300, "p:"))).isEqualTo(150);
        assertThat(KeySpace.sizeFor(settings(16 * 1024 * 1024, 100_000, "p:"))).isEqualTo(4);
        assertThat(KeySpace.sizeFor(settings(512 * 1024 * 1024, 100_000, "p:"))).isEqualTo(1);
        assertThat(keys(64, 300, "p:").size()).isEqualTo(150);
    }

    @Test
    void prepopulatesOnlyTheKeysThatReadsNeed() {
        KeySpace keys = keys(8, 20, "p:");

        assertThat(keys.prepopulation(List.of(RedisCommand.GET, RedisCommand.SET))).hasSize(10);
        assertThat(keys.prepopulation(List.of(RedisCommand.SET, RedisCommand.INCR))).isEmpty();
    }

    @Test
    void givesEachRunItsOwnDefaultPrefix() {
        String first = RedisSettings.defaultPrefix("cache-latency");

        assertThat(first).matches("clusterbench:cache-latency:[0-9a-f]{8}:");
        assertThat(RedisSettings.defaultPrefix("cache-latency")).isNotEqualTo(first);
    }

    private static KeySpace keys(int valueSize, long requests, String prefix) {
        return KeySpace.of(settings(valueSize, requests, prefix));
    }

    private static RedisSettings settings(int valueSize, long requests, String prefix) {
        return new RedisSettings("cache", "127.0.0.1", 6379, 0, false, Optional.empty(),
                Optional.empty(), 1, 1, requests, Optional.<Duration>empty(), Duration.ZERO,
                List.of(RedisCommand.GET, RedisCommand.SET), valueSize, prefix, true, Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
