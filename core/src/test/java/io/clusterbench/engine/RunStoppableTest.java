package io.clusterbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.control.ProbeProgress;
import io.clusterbench.control.StopSignal;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.testkit.CallingThread;
import io.clusterbench.testkit.RealServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link ClusterBench#runStoppable}: the whole run flow, stopped by an interrupt of the calling thread. */
@ExtendWith(RealServers.class)
class RunStoppableTest {

    @Test
    void interruptingTheCallingThreadStopsTheRunAndKeepsWhatTheRoundMeasured(LocalRedis redis, @TempDir Path out)
            throws Exception {
        LoadedSpec spec = SpecLoader.load("cluster.yaml", """
                cluster: stop
                services:
                  cache: { type: redis, address: 127.0.0.1, port: %d }
                probes:
                  load: { service: cache, clients: 4, requests: 100000000, warmup: 0s }
                tuning:
                  - { redis-config: cache, set: { slowlog-max-len: 321 } }
                """.formatted(redis.port()));
        CountDownLatch busy = new CountDownLatch(1);
        RunListener listener = new RunListener() {
            @Override
            public void progress(Duration elapsed, List<ProbeProgress.Snapshot> running) {
                if (running.stream().anyMatch(probe -> probe.done() > 1000)) {
                    busy.countDown();
                }
            }
        };
        StopSignal stop = new StopSignal();
        CallingThread<RunOutcome> caller = CallingThread.start("run-caller",
                () -> ClusterBench.standard().runStoppable(spec, "cluster.yaml", RunPlan.into(out), listener, stop));

        assertThat(busy.await(60, TimeUnit.SECONDS)).as("the first round's load got going").isTrue();
        caller.interrupt();
        RunOutcome outcome = caller.returned(Duration.ofSeconds(30));

        assertThat(outcome.stopped()).isTrue();
        assertThat(stop.raised()).isTrue();
        assertThat(caller.interruptedAtEnd()).as("the caller still sees it was interrupted").isTrue();
        assertThat(outcome.gate()).as("nothing is gated on partial evidence").isNull();
        RunResult before = ResultFiles.read(out.resolve("before").resolve(ResultFiles.RESULT_JSON));
        assertThat(before.probes()).singleElement().satisfies(p -> assertThat(p.status().name()).isEqualTo("PARTIAL"));
        assertThat(outcome.result().changes()).noneMatch(c -> c.status() == ChangeStatus.APPLIED);
    }
}
