package io.clusterbench.probe.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The open model's timetable of one client, and who is to blame for a late send. */
class ScheduleTest {
    private static final long MS = 1_000_000L;

    @Test
    void staggersTheClientsTimetablesEvenlyAcrossOneInterval() {
        Schedule second = new Schedule(4 * MS, 1, 4);
        second.startAt(1000 * MS);
        second.startAt(2000 * MS); // only the first start counts

        assertThat(second.intended()).isEqualTo(1001 * MS);
        second.sent(1001 * MS, 1, true);
        assertThat(second.intended()).isEqualTo(1005 * MS);
        second.skip();
        assertThat(second.intended()).isEqualTo(1009 * MS);
    }

    @Test
    void blamesTheGeneratorOnlyForALateSendWhoseConnectionWasFreeInTime() {
        Schedule schedule = new Schedule(100 * MS, 0, 1);
        schedule.startAt(0);
        schedule.free(0);

        schedule.sent(20 * MS, 3, true); // late by 20 ms, connection free since 0: the generator's fault
        schedule.free(150 * MS); // the reply came after the next intended time (100 ms)
        schedule.sent(150 * MS, 3, true); // late by 50 ms behind a busy connection: the server's
        schedule.free(201 * MS);
        schedule.sent(201 * MS, 3, true); // 1 ms: not late

        assertThat(schedule.sentCommands()).isEqualTo(9);
        assertThat(schedule.lateCommands()).isEqualTo(6);
        assertThat(schedule.generatorLateCommands()).isEqualTo(3);
        assertThat(schedule.lastSend()).isEqualTo(201 * MS);
    }

    @Test
    void leavesTheWarmUpsSendsOutOfTheCounts() {
        Schedule schedule = new Schedule(10 * MS, 0, 1);
        schedule.startAt(0);

        schedule.sent(50 * MS, 2, false);

        assertThat(schedule.sentCommands()).isZero();
        assertThat(schedule.lateCommands()).isZero();
        assertThat(schedule.intended()).as("the timetable moves on all the same").isEqualTo(10 * MS);
    }
}
