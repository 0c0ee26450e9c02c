package io.clusterbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The redis check's arithmetic on counter readings. */
class RedisOtherClientsTest {

    @Test
    void subtractsTheFirstInfoItselfAndDividesByTheGap() {
        // 1,000 + 251 - 1,000 - 1 (the first INFO) = 250 commands in 0.2 s.
        assertThat(RedisOtherClients.otherOpsPerSecond(OptionalLong.of(1000), OptionalLong.of(1251), 200_000_000L)
                .getAsDouble()).isEqualTo(1250.0, within(1e-9));
    }

    @Test
    void readsAnIdleServerAsNoOtherLoad() {
        assertThat(RedisOtherClients.otherOpsPerSecond(OptionalLong.of(41), OptionalLong.of(42), 250_000_000L)
                .getAsDouble()).isZero();
    }

    @Test
    void givesNoReadingWhenTheCounterWentBackOrIsMissing() {
        assertThat(RedisOtherClients.otherOpsPerSecond(OptionalLong.of(500), OptionalLong.of(3), 250_000_000L))
                .isEmpty();
        assertThat(RedisOtherClients.otherOpsPerSecond(OptionalLong.empty(), OptionalLong.of(3), 250_000_000L))
                .isEmpty();
        assertThat(RedisOtherClients.counter("# Stats\r\ntotal_connections_received:3\r\n")).isEmpty();
        assertThat(RedisOtherClients.counter("# Stats\r\ntotal_commands_processed:17\r\n")).hasValue(17);
    }
}
