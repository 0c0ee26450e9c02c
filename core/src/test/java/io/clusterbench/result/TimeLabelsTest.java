package io.clusterbench.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A time axis tells its labelled instants apart and names the day when they fall on one. */
class TimeLabelsTest {

    @Test
    void showsDateAndTimeWhenAllRunsFallOnOneDay() {
        List<String> labels = TimeLabels.of(List.of(Instant.parse("2026-01-05T09:03:10Z"),
                Instant.parse("2026-01-05T11:40:00Z"), Instant.parse("2026-01-05T14:25:59Z")));

        assertThat(labels).containsExactly("2026-01-05 09:03", "11:40", "14:25");
    }

    @Test
    void addsSecondsWhenMinutesWouldRepeat() {
        List<String> labels = TimeLabels.of(List.of(Instant.parse("2026-01-05T09:03:10Z"),
                Instant.parse("2026-01-05T09:03:40Z"), Instant.parse("2026-01-05T09:04:05Z")));

        assertThat(labels).containsExactly("2026-01-05 09:03:10", "09:03:40", "09:04:05");
    }

    @Test
    void showsDateAndTimeAcrossAFewDaysAndDatesAcrossWeeks() {
        assertThat(TimeLabels.of(List.of(Instant.parse("2026-01-05T23:50:00Z"), Instant.parse("2026-01-06T00:10:00Z"))))
                .containsExactly("2026-01-05 23:50", "2026-01-06 00:10");
        assertThat(TimeLabels.of(List.of(Instant.parse("2026-01-05T23:50:00Z"), Instant.parse("2026-02-20T08:00:00Z"))))
                .containsExactly("2026-01-05", "2026-02-20");
    }
}
