package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.net.ClockExchange;
import io.clusterbench.result.ClockOffset;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentClockTest {

    @Test
    void recordsTheControllerMinusTheAgentLikeACliShardsOffsetToItsCoordinator() throws Exception {
        Clock controller = Clock.systemUTC();
        // An agent whose clock runs 5 s behind the controller's: the controller is 5000 ms ahead.
        Clock agent = Clock.offset(controller, Duration.ofSeconds(-5));

        ClockOffset offset = AgentClock.read(() -> ClockExchange.micros(agent.instant()), controller);

        assertThat(offset.coordinator()).isEqualTo(AgentClock.CONTROLLER);
        assertThat(Math.abs(offset.offsetMs() - 5000)).isLessThanOrEqualTo(offset.roundTripMs() / 2 + 0.001);
        assertThat(offset.boundMs()).isGreaterThanOrEqualTo(5000 - 0.001);
    }
}
