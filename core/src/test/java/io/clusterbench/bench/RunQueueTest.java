package io.clusterbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The host check's judgement of a loadavg reading, on planted text. */
class RunQueueTest {

    /** Three loadavg lines with the given load1 and run queues (the reading cat included), then the CPU count. */
    private static String reading(String load1, int first, int second, int third, int cpus) {
        return String.join("\n",
                load1 + " 1.00 0.50 " + first + "/310 4711",
                load1 + " 1.00 0.50 " + second + "/310 4712",
                load1 + " 1.00 0.50 " + third + "/310 4713",
                String.valueOf(cpus), "");
    }

    @Test
    void flagsNineRunnableTasksOnTwoCpusWhenLoad1AgreesAndLeavesOutTheReadingProcess() {
        RunQueue queue = RunQueue.parse(reading("7.50", 10, 10, 10, 2)).orElseThrow();

        assertThat(queue.runnable()).containsExactly(9, 9, 9);
        assertThat(queue.medianRunnable()).isEqualTo(9);
        assertThat(queue.cpus()).isEqualTo(2);
        assertThat(queue.load1()).isEqualTo(7.5);
        assertThat(queue.busy()).isTrue();
        QuietFinding finding = HostRunQueue.finding("ops@sark", queue);
        assertThat(finding).isEqualTo(new QuietFinding("ops@sark", "runnable", 9, 2, "ops@sark had 9 tasks runnable"
                + " on 2 CPUs just before the round (median of 3 readings [9, 9, 9], load1 7.5; limit 2)"));
    }

    @Test
    void leavesAHighLoad1AloneWhenTheRunQueueHasEmptiedAsAfterTheRunsOwnRound() {
        // The run's own load generator stopped a moment ago: load1 still remembers it, the run queue does not.
        RunQueue queue = RunQueue.parse(reading("5.20", 2, 1, 2, 2)).orElseThrow();

        assertThat(queue.medianRunnable()).isEqualTo(1);
        assertThat(queue.busy()).isFalse();
    }

    @Test
    void leavesABriefBurstAloneWhileLoad1IsUnderTheCpus() {
        assertThat(RunQueue.parse(reading("0.40", 12, 12, 12, 4)).orElseThrow().busy()).isFalse();
    }

    @Test
    void takesTheMedianSoThatOneSpikeDoesNotFlagAHost() {
        RunQueue queue = RunQueue.parse(reading("3.00", 1, 30, 2, 2)).orElseThrow();

        assertThat(queue.runnable()).containsExactly(0, 29, 1);
        assertThat(queue.medianRunnable()).isEqualTo(1);
        assertThat(queue.busy()).isFalse();
    }

    @Test
    void isNotBusyAtExactlyItsCpus() {
        assertThat(RunQueue.parse(reading("2.00", 3, 3, 3, 2)).orElseThrow().busy()).isFalse();
        assertThat(new RunQueue(2.01, List.of(3, 3, 3), 2).busy()).isTrue();
    }

    @Test
    void givesNoReadingWithoutLoadavgOrCpuCount() {
        assertThat(RunQueue.parse("")).isEmpty();
        assertThat(RunQueue.parse("cat: /proc/loadavg: No such file or directory\n0\n")).isEmpty();
        assertThat(RunQueue.parse("0.10 0.20 0.30 1/100 7\n")).isEmpty();
    }
}
