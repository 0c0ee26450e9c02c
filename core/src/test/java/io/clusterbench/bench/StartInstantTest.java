package io.clusterbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.control.StopSignal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StartInstantTest {
    private final Clock clock = Clock.systemUTC();

    @Test
    void returnsNoEarlierThanTheStartInstant() throws ClusterBenchException {
        Instant startAt = clock.instant().plusMillis(300);

        StartInstant.await(startAt, clock, new StopSignal());

        assertThat(clock.instant()).isAfterOrEqualTo(startAt);
    }

    @Test
    void startsAtOnceWhenLessThanTheAllowedLatenessLate() throws ClusterBenchException {
        Instant startAt = clock.instant().minusMillis(400);
        long before = System.nanoTime();

        StartInstant.await(startAt, clock, new StopSignal());

        // Well under the allowed lateness: it did not wait for anything.
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(StartInstant.MAX_LATE);
    }

    @Test
    void refusesAStartThatPassedMoreThanASecondAgoAndSaysWhatToGive() {
        Instant startAt = clock.instant().minusSeconds(5);

        assertThatThrownBy(() -> StartInstant.await(startAt, clock, new StopSignal()))
                .isInstanceOfSatisfying(ClusterBenchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.USAGE))
                .hasMessageContaining("--start-at " + startAt + " passed")
                .hasMessageContaining("at most 1000 ms")
                .hasMessageContaining("the same instant some seconds ahead");
    }

    @Test
    void stopsWaitingWhenTheRunIsStopped() throws ClusterBenchException {
        StopSignal stop = new StopSignal();
        stop.raise();
        Instant startAt = clock.instant().plusSeconds(3600);

        StartInstant.await(startAt, clock, stop);

        assertThat(clock.instant()).isBefore(startAt);
    }
}
