package io.clusterbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.clusterbench.control.BenchmarkListener;
import io.clusterbench.control.BenchmarkOptions;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.control.ProbeProgress;
import io.clusterbench.control.StopSignal;
import io.clusterbench.report.Reports;
import io.clusterbench.result.ChangeOutcome;
import io.clusterbench.result.ChangeStatus;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.Evidence;
import io.clusterbench.result.EvidenceStep;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.History;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.testkit.CallingThread;
import io.clusterbench.testkit.RealServers;
import io.clusterbench.tune.EvidenceLog;
import io.clusterbench.control.TuningListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * The entry point's write-and-tell calls against a real Redis, above all what an interrupt of the calling thread
 * (how Jenkins stops a step) does to a benchmark and to a tuning.
 */
@ExtendWith(RealServers.class)
class ClusterBenchTest {

    /** Hours of load at any rate this machine reaches: a run that returns in seconds was stopped. */
    private static final long ENDLESS = 100_000_000L;
    private static final Duration PROMPTLY = Duration.ofSeconds(30);

    @Test
    void interruptingTheCallingThreadStopsTheLoadAndStillWritesTheResult(LocalRedis redis, @TempDir Path out)
            throws Exception {
        LoadedSpec spec = benchmarkSpec(redis, ENDLESS);
        CountDownLatch busy = new CountDownLatch(1);
        BenchmarkListener listener = new BenchmarkListener() {
            @Override
            public void progress(Duration elapsed, List<ProbeProgress.Snapshot> running) {
                if (running.stream().anyMatch(probe -> probe.done() > 1000)) {
                    busy.countDown();
                }
            }
        };
        BenchmarkOptions options = new BenchmarkOptions(out, List.of(), OptionalInt.empty(), Duration.ofMillis(50));
        StopSignal stop = new StopSignal();
        CallingThread<WrittenRun> caller = CallingThread.start("benchmark-caller", () -> ClusterBench.standard()
                .benchmarkAndWrite(spec, "cluster.yaml", options, History.empty(), listener, stop));

        assertThat(busy.await(60, TimeUnit.SECONDS)).as("the load got going").isTrue();
        caller.interrupt();
        WrittenRun run = caller.returned(PROMPTLY);

        assertThat(run.stopped()).isTrue();
        assertThat(stop.raised()).isTrue();
        assertThat(caller.interruptedAtEnd()).as("the caller still sees it was interrupted").isTrue();
        RunResult onDisk = ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON));
        assertThat(onDisk.runId()).isEqualTo(run.result().runId());
        ProbeMeasurement load = onDisk.probes().get(0);
        assertThat(load.status()).isEqualTo(ProbeStatus.PARTIAL);
        assertThat(load.errors()).anySatisfy(error -> assertThat(error.kind()).isEqualTo(ErrorKind.STOPPED));
        assertThat(metric(load, "ops")).isGreaterThan(1000).isLessThan(ENDLESS);
        assertThat(onDisk.score()).as("scored like any run, on the partial numbers").isNotNull();
        assertThat(run.reports()).extracting(path -> path.getFileName().toString())
                .contains(Reports.HTML_FILE, Reports.MARKDOWN_FILE, Reports.JUNIT_FILE);
        assertThat(run.reports()).allSatisfy(report -> assertThat(report).isNotEmptyFile());
    }

    @Test
    void aRunNobodyStopsSaysSoAndLeavesTheCallingThreadUninterrupted(LocalRedis redis, @TempDir Path out)
            throws Exception {
        WrittenRun run = ClusterBench.standard().benchmarkAndWrite(benchmarkSpec(redis, 500), "cluster.yaml",
                BenchmarkOptions.into(out), History.empty(), BenchmarkListener.SILENT, new StopSignal());

        assertThat(run.stopped()).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(run.result().probes().get(0).status()).isEqualTo(ProbeStatus.OK);
        assertThat(metric(ResultFiles.read(run.resultFile()).probes().get(0), "ops")).isEqualTo(500);
        assertThat(run.reports()).allSatisfy(report -> assertThat(report).isNotEmptyFile());
    }

    @Test
    void interruptingTheCallingThreadDuringTuningFinishesTheRunningActionAndStartsNoOther(LocalRedis redis,
            @TempDir Path out) throws Exception {
        LoadedSpec spec = SpecLoader.load("cluster.yaml", """
                cluster: stop
                services:
                  cache: { type: redis, address: 127.0.0.1, port: %d }
                tuning:
                  - { id: first, redis-config: cache, set: { slowlog-max-len: 777 } }
                  - { id: second, redis-config: cache, set: { hz: 33 } }
                """.formatted(redis.port()));
        String hzBefore;
        try (Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
            hzBefore = jedis.configGet("hz").get("hz");
        }
        StopSignal stop = new StopSignal();
        CountDownLatch firstApplied = new CountDownLatch(1);
        TuningListener listener = new TuningListener() {
            @Override
            public void step(Evidence evidence) {
                if (evidence.action().equals("first") && evidence.step() == EvidenceStep.APPLIED) {
                    firstApplied.countDown();
                    // Holds the tuning here until the test's interrupt has become a stop, so the order is certain.
                    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (!stop.raised() && System.nanoTime() < giveUp) {
                        Thread.onSpinWait();
                    }
                }
            }
        };
        CallingThread<WrittenRun> caller = CallingThread.start("tune-caller", () -> ClusterBench.standard()
                .tuneAndWrite(spec, "cluster.yaml", out, true, listener, stop));

        assertThat(firstApplied.await(60, TimeUnit.SECONDS)).as("the first action was applied").isTrue();
        caller.interrupt();
        WrittenRun run = caller.returned(PROMPTLY);

        assertThat(run.stopped()).isTrue();
        assertThat(caller.interruptedAtEnd()).isTrue();
        assertThat(run.result().changes()).extracting(ChangeOutcome::action, ChangeOutcome::status).containsExactly(
                tuple("first", ChangeStatus.APPLIED), tuple("second", ChangeStatus.NOT_STARTED));
        assertThat(run.result().changes().get(1).message()).contains("stopped");
        assertThat(EvidenceLog.read(out.resolve(EvidenceLog.FILE_NAME))).isEqualTo(run.result().evidence())
                .extracting(evidence -> evidence.action() + " " + evidence.step())
                .containsExactly("first applying", "first applied", "second not-started");
        assertThat(ResultFiles.read(run.resultFile()).changes()).isEqualTo(run.result().changes());
        assertThat(run.reports()).allSatisfy(report -> assertThat(report).isNotEmptyFile());
        try (Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
            assertThat(jedis.configGet("slowlog-max-len").get("slowlog-max-len")).isEqualTo("777");
            assertThat(jedis.configGet("hz").get("hz")).isEqualTo(hzBefore);
        }
    }

    private static LoadedSpec benchmarkSpec(LocalRedis redis, long requests) throws Exception {
        return SpecLoader.load("cluster.yaml", """
                cluster: stop
                services:
                  cache: { type: redis, address: 127.0.0.1, port: %d }
                probes:
                  load: { service: cache, clients: 4, requests: %d, commands: [get, set] }
                objectives:
                  - { metric: load.p99_ms, pass: "<= 1000" }
                """.formatted(redis.port(), requests));
    }

    private static double metric(ProbeMeasurement measurement, String name) {
        return measurement.metrics().stream().filter(metric -> metric.name().equals(name)).findFirst()
                .map(MetricValue::value)
                .orElseThrow(() -> new AssertionError("no metric " + name + " in " + measurement.metrics()));
    }
}
