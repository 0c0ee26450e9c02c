package io.clusterbench.bench;

import io.clusterbench.control.BenchmarkOptions;
import io.clusterbench.control.BenchmarkListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.probe.Probe;
import io.clusterbench.probe.ProbeContext;
import io.clusterbench.control.ProbeProgress;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.LoadedSpec;
import io.clusterbench.spec.ProbeKind;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.testkit.CallingThread;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's own rules (grouping, parallelism, stop, partial results), checked with a scripted probe of our own
 * interface; the real probes are tested against real servers in their packages.
 */
class BenchmarkTest {

    private static final String SPEC = """
            cluster: runner
            services:
              a: { type: http, url: "http://127.0.0.1:1/a" }
              b: { type: http, url: "http://127.0.0.1:1/b" }
            probes:
              a-first:  { service: a, concurrency: 1 }
              a-second: { service: a, concurrency: 1 }
              b-only:   { service: b, concurrency: 1 }
            """;

    @Test
    void runsProbesOfOneServiceInTurnAndOtherServicesSideBySide(@TempDir Path out) throws Exception {
        ScriptedProbe probe = new ScriptedProbe();
        // b-only finishes only once a-first has started, so the run completes only if the two overlap.
        probe.waitFor("b-only", "a-first");

        RunResult result = run(probe, out, new StopSignal(), List.of());

        assertThat(result.probes()).extracting(ProbeMeasurement::probe).containsExactly("a-first", "a-second", "b-only");
        assertThat(result.probes()).allSatisfy(m -> assertThat(m.status()).isEqualTo(ProbeStatus.OK));
        assertThat(probe.startOrder.indexOf("a-second")).isGreaterThan(probe.endOrder.indexOf("a-first"));
    }

    @Test
    void rewritesResultJsonAfterEveryProbeSoAKilledRunKeepsWhatItMeasured(@TempDir Path out) throws Exception {
        ScriptedProbe probe = new ScriptedProbe();
        List<Integer> probesOnDisk = new CopyOnWriteArrayList<>();
        BenchmarkListener listener = new BenchmarkListener() {
            @Override
            public void probeFinished(ProbeMeasurement measurement, Path resultFile) {
                try {
                    probesOnDisk.add(ResultFiles.read(resultFile).probes().size());
                } catch (ClusterBenchException e) {
                    throw new AssertionError(e);
                }
            }
        };

        new Benchmark(ProbeRegistry.of(Map.of(ProbeKind.HTTP, probe)), SecretResolver.system(), Clock.systemUTC())
                .run(load(), "cluster.yaml", serial(out), listener, new StopSignal());

        assertThat(probesOnDisk).containsExactly(1, 2, 3);
    }

    @Test
    void stopsTheRunningProbeKeepsItsNumbersAndSkipsTheRest(@TempDir Path out) throws Exception {
        StopSignal stop = new StopSignal();
        ScriptedProbe probe = new ScriptedProbe();
        probe.runUntilStopped("a-first", stop);
        Thread stopper = new Thread(() -> {
            try {
                probe.startedLatch("a-first").await();
                stop.raise();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();

        RunResult result = new Benchmark(ProbeRegistry.of(Map.of(ProbeKind.HTTP, probe)), SecretResolver.system(),
                Clock.systemUTC()).run(load(), "cluster.yaml", serial(out).only(List.of("a-first", "a-second")),
                BenchmarkListener.SILENT, stop);

        assertThat(result.probes()).extracting(ProbeMeasurement::status)
                .containsExactly(ProbeStatus.PARTIAL, ProbeStatus.SKIPPED);
        assertThat(result.probes().get(0).errors()).anySatisfy(e -> assertThat(e.kind()).isEqualTo(ErrorKind.STOPPED));
        assertThat(result.probes().get(0).metrics()).isNotEmpty();
        assertThat(ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON)).probes()).hasSize(2);
    }

    @Test
    void anInterruptOfTheCallingThreadStopsTheProbesWritesWhatTheyMeasuredAndKeepsTheInterrupt(@TempDir Path out)
            throws Exception {
        StopSignal stop = new StopSignal();
        ScriptedProbe probe = new ScriptedProbe();
        probe.runUntilStopped("a-first", stop);
        CallingThread<RunResult> caller = CallingThread.start("benchmark-caller", () -> new Benchmark(
                ProbeRegistry.of(Map.of(ProbeKind.HTTP, probe)), SecretResolver.system(), Clock.systemUTC())
                .run(load(), "cluster.yaml", serial(out).only(List.of("a-first", "a-second")),
                        BenchmarkListener.SILENT, stop));

        assertThat(probe.startedLatch("a-first").await(10, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        RunResult result = caller.returned(Duration.ofSeconds(10));

        assertThat(stop.raised()).isTrue();
        assertThat(caller.interruptedAtEnd()).isTrue();
        assertThat(result.probes()).extracting(ProbeMeasurement::status)
                .containsExactly(ProbeStatus.PARTIAL, ProbeStatus.SKIPPED);
        assertThat(result.probes().get(0).errors()).anySatisfy(e -> assertThat(e.kind()).isEqualTo(ErrorKind.STOPPED));
        assertThat(result.probes().get(0).metrics()).isNotEmpty();
        assertThat(ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON)).probes()).isEqualTo(result.probes());
    }

    @Test
    void givesUpOnAProbeThatIgnoresTheStopAfterTheGraceAndSaysWhatItLost(@TempDir Path out) throws Exception {
        StopSignal stop = new StopSignal();
        ScriptedProbe probe = new ScriptedProbe();
        CountDownLatch release = new CountDownLatch(1);
        probe.hangUntil("a-first", release);
        CallingThread<RunResult> caller = CallingThread.start("benchmark-caller", () -> new Benchmark(
                ProbeRegistry.of(Map.of(ProbeKind.HTTP, probe)), SecretResolver.system(), Clock.systemUTC(),
                Duration.ofMillis(200)).run(load(), "cluster.yaml", serial(out), BenchmarkListener.SILENT, stop));

        try {
            assertThat(probe.startedLatch("a-first").await(10, TimeUnit.SECONDS)).isTrue();
            caller.interrupt();
            RunResult result = caller.returned(Duration.ofSeconds(10));

            assertThat(caller.interruptedAtEnd()).isTrue();
            assertThat(result.probes()).extracting(ProbeMeasurement::probe, ProbeMeasurement::status).containsExactly(
                    tuple("a-first", ProbeStatus.FAILED), tuple("a-second", ProbeStatus.SKIPPED),
                    tuple("b-only", ProbeStatus.SKIPPED));
            assertThat(result.probes().get(0).errors().get(0).message())
                    .contains("still running 0.2 s after the stop request");
            assertThat(ResultFiles.read(out.resolve(ResultFiles.RESULT_JSON)).probes()).isEqualTo(result.probes());
        } finally {
            release.countDown();
        }
    }

    @Test
    void recordsABugInOneProbeAsItsFailureAndMeasuresTheOthers(@TempDir Path out) throws Exception {
        ScriptedProbe probe = new ScriptedProbe();
        probe.crash("a-second");

        RunResult result = run(probe, out, new StopSignal(), List.of());

        assertThat(result.probes()).extracting(ProbeMeasurement::status)
                .containsExactly(ProbeStatus.OK, ProbeStatus.FAILED, ProbeStatus.OK);
        assertThat(result.probes().get(1).errors().get(0).message()).contains("internal error").contains("boom");
    }

    @Test
    void refusesAnUnknownOnlyProbeBeforeMeasuringAnything(@TempDir Path out) {
        assertThatThrownBy(() -> run(new ScriptedProbe(), out, new StopSignal(), List.of("a-frist")))
                .isInstanceOf(ClusterBenchException.class)
                .hasMessageContaining("a-frist")
                .hasMessageContaining("a-first, a-second, b-only");
        assertThat(out.resolve(ResultFiles.RESULT_JSON)).doesNotExist();
    }

    @Test
    void refusesAnOutputFolderItCannotWriteBeforeMeasuringAnything(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        ScriptedProbe probe = new ScriptedProbe();

        assertThatThrownBy(() -> run(probe, file.resolve("out"), new StopSignal(), List.of()))
                .isInstanceOf(ClusterBenchException.class)
                .hasMessageContaining("choose a writable folder with --out");
        assertThat(probe.startOrder).isEmpty();
    }

    @Test
    void reportsProgressOfRunningProbes(@TempDir Path out) throws Exception {
        StopSignal stop = new StopSignal();
        ScriptedProbe probe = new ScriptedProbe();
        probe.runUntilStopped("b-only", stop);
        CountDownLatch heard = new CountDownLatch(2);
        BenchmarkListener listener = new BenchmarkListener() {
            @Override
            public void progress(Duration elapsed, List<ProbeProgress.Snapshot> running) {
                if (running.stream().anyMatch(s -> s.probe().equals("b-only") && s.done() > 0)) {
                    heard.countDown();
                    if (heard.getCount() == 0) {
                        stop.raise();
                    }
                }
            }
        };
        BenchmarkOptions options = new BenchmarkOptions(out, List.of("b-only"), OptionalInt.empty(),
                Duration.ofMillis(50));

        new Benchmark(ProbeRegistry.of(Map.of(ProbeKind.HTTP, probe)), SecretResolver.system(), Clock.systemUTC())
                .run(load(), "cluster.yaml", options, listener, stop);

        assertThat(heard.await(0, TimeUnit.SECONDS)).isTrue();
    }

    private static RunResult run(Probe probe, Path out, StopSignal stop, List<String> only) throws Exception {
        return new Benchmark(ProbeRegistry.of(Map.of(ProbeKind.HTTP, probe)), SecretResolver.system(),
                Clock.systemUTC()).run(load(), "cluster.yaml", BenchmarkOptions.into(out).only(only),
                BenchmarkListener.SILENT, stop);
    }

    private static BenchmarkOptions serial(Path out) {
        return new BenchmarkOptions(out, List.of(), OptionalInt.of(1), Duration.ofSeconds(1));
    }

    private static LoadedSpec load() throws Exception {
        return SpecLoader.load("cluster.yaml", SPEC);
    }

    /** A probe that does what each test scripts for a probe id, and records when probes start and end. */
    private static final class ScriptedProbe implements Probe {
        final List<String> startOrder = new CopyOnWriteArrayList<>();
        final List<String> endOrder = new CopyOnWriteArrayList<>();
        private final Map<String, String> waitFor = new ConcurrentHashMap<>();
        private final Map<String, CountDownLatch> started = new ConcurrentHashMap<>();
        private final Map<String, StopSignal> untilStopped = new ConcurrentHashMap<>();
        private final List<String> crashes = new CopyOnWriteArrayList<>();
        private final Map<String, CountDownLatch> hangs = new ConcurrentHashMap<>();

        void waitFor(String probe, String other) {
            waitFor.put(probe, other);
        }

        void runUntilStopped(String probe, StopSignal stop) {
            untilStopped.put(probe, stop);
        }

        void crash(String probe) {
            crashes.add(probe);
        }

        /** The probe ignores the stop and waits for {@code release}, like one stuck past its own timeouts. */
        void hangUntil(String probe, CountDownLatch release) {
            hangs.put(probe, release);
        }

        CountDownLatch startedLatch(String probe) {
            return started.computeIfAbsent(probe, id -> new CountDownLatch(1));
        }

        @Override
        public ProbeMeasurement run(ProbeContext context) {
            String id = context.probe().id();
            startOrder.add(id);
            startedLatch(id).countDown();
            try {
                if (crashes.contains(id)) {
                    throw new IllegalStateException("boom");
                }
                CountDownLatch hang = hangs.get(id);
                if (hang != null && !hang.await(60, TimeUnit.SECONDS)) {
                    throw new AssertionError(id + " was never released");
                }
                String other = waitFor.get(id);
                if (other != null && !startedLatch(other).await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError(id + " never ran beside " + other);
                }
                StopSignal stop = untilStopped.get(id);
                long operations = 0;
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                do {
                    operations++;
                    context.progress().completed();
                    if (stop != null) {
                        Thread.onSpinWait();
                    }
                    if (System.nanoTime() > giveUp) {
                        throw new AssertionError(id + " was never stopped");
                    }
                } while (stop != null && !stop.raised());
                return context.measure("scripted://" + id).metric("operations", operations, "count").finish();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return context.measure("scripted://" + id).fail(ErrorKind.STOPPED, "interrupted");
            } finally {
                endOrder.add(id);
            }
        }
    }
}
