package io.clusterbench.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.spec.LoadProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When an open load's requests are due: evenly at a fixed rate, or on a continuous ramp after its warm-up. */
class PaceTest {

    @Test
    void aFixedRateSpacesRequestsEvenly() {
        Pace pace = Pace.fixed(4);

        assertThat(pace.offsetNanos(3)).isEqualTo(750_000_000L);
        assertThat(pace.dueBefore(1_000_000_000L)).isEqualTo(4);
        assertThat(pace.dueBefore(1_000_000_001L)).isEqualTo(5);
    }

    @Test
    void aRampWarmsUpAtItsFirstRateThenFollowsItsIntegratedRate() {
        // 10 -> 50 req/s over 10 s after 1 s of warm-up at 10 req/s: 10 warm-up requests, then 100 in the ramp's
        // first 5 s (10 x 5 + 40 x 25 / 20) and 300 in all.
        Pace pace = Pace.ramp(LoadProfile.continuousRamp("rate", 10, 50, Duration.ofSeconds(10)),
                Duration.ofSeconds(1));

        assertThat(pace.dueBefore(Duration.ofSeconds(1).toNanos())).isEqualTo(10);
        assertThat(pace.offsetNanos(9)).isEqualTo(900_000_000L);
        assertThat(pace.offsetNanos(10)).isEqualTo(1_000_000_000L);
        assertThat(pace.offsetNanos(110)).isBetween(5_999_999_000L, 6_000_001_000L);
        assertThat(pace.dueBefore(Duration.ofSeconds(6).toNanos())).isEqualTo(110);
        assertThat(pace.dueBefore(Duration.ofSeconds(11).toNanos())).isEqualTo(310);
        // The gaps shrink from 1/10 s to 1/50 s as the rate rises.
        assertThat(pace.offsetNanos(11) - pace.offsetNanos(10)).isBetween(95_000_000L, 100_000_000L);
        assertThat(pace.offsetNanos(309) - pace.offsetNanos(308)).isBetween(20_000_000L, 20_500_000L);
    }
}
