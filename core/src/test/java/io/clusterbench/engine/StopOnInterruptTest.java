package io.clusterbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.control.StopSignal;
import io.clusterbench.testkit.CallingThread;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How an interrupt of the caller becomes a stop that the work, on its own thread, honours and finishes. */
class StopOnInterruptTest {

    @AfterEach
    void leaveTheTestThreadUninterrupted() {
        Thread.interrupted();
    }

    @Test
    void anInterruptRaisesTheStopWaitsForTheWorkAndSetsTheFlagAgain() throws Exception {
        StopSignal stop = new StopSignal();
        CountDownLatch working = new CountDownLatch(1);
        CallingThread<String> caller = CallingThread.start("caller", () -> StopOnInterrupt.run("work", stop, () -> {
            working.countDown();
            awaitStop(stop);
            return "wound down, interrupted: " + Thread.currentThread().isInterrupted();
        }));

        assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();

        assertThat(caller.returned(Duration.ofSeconds(10))).isEqualTo("wound down, interrupted: false");
        assertThat(stop.raised()).isTrue();
        assertThat(caller.interruptedAtEnd()).isTrue();
    }

    @Test
    void anInterruptPendingBeforeTheCallStopsTheWorkFromTheStart() throws Exception {
        StopSignal stop = new StopSignal();
        Thread.currentThread().interrupt();

        String result = StopOnInterrupt.run("work", stop, () -> {
            awaitStop(stop);
            return "stopped";
        });

        assertThat(result).isEqualTo("stopped");
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void aRepeatedInterruptDoesNotCutTheWaitShort() throws Exception {
        StopSignal stop = new StopSignal();
        CountDownLatch release = new CountDownLatch(1);
        CallingThread<String> caller = CallingThread.start("caller", () -> StopOnInterrupt.run("work", stop, () -> {
            try {
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new AssertionError("the work must never see the caller's interrupt", e);
            }
            return "finished";
        }));

        caller.interrupt();
        awaitStop(stop);
        caller.interrupt();
        release.countDown();

        assertThat(caller.returned(Duration.ofSeconds(10))).isEqualTo("finished");
        assertThat(caller.interruptedAtEnd()).isTrue();
    }

    @Test
    void throwsTheWorksFailureOnTheCallingThreadAndLeavesAnUninterruptedCallerAlone() {
        StopSignal stop = new StopSignal();

        assertThatThrownBy(() -> StopOnInterrupt.run("work", stop, () -> {
            throw new ClusterBenchException(Kind.ENVIRONMENT, "cannot write into out");
        })).isInstanceOf(ClusterBenchException.class).hasMessage("cannot write into out");
        assertThat(stop.raised()).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    /** Waits, on a condition and never on a sleep, until the stop is raised; fails after ten seconds. */
    private static void awaitStop(StopSignal stop) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!stop.raised()) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("the stop was never raised");
            }
            Thread.onSpinWait();
        }
    }
}
