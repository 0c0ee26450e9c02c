package io.clusterbench.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.bench.Benchmark;
import io.clusterbench.bench.ProbeRegistry;
import io.clusterbench.control.BenchmarkListener;
import io.clusterbench.control.BenchmarkOptions;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Runs one probe of a spec through the benchmark runner against a hostile server, and measures what the hostile
 * tests assert: how long it took, how much the heap's old generation grew at its peak (where large arrays go), and
 * that result.json was written.
 */
public final class HostileRuns {
    /** The most the old generation may grow while one probe reads a hostile answer. */
    public static final long HEAP_BUDGET_BYTES = 100L * 1024 * 1024;

    private HostileRuns() {
    }

    /**
     * What one run gave.
     *
     * @param measurement the probe's measurement, as written to result.json
     * @param elapsed from the start of the run to result.json on disk
     * @param heapPeakGrowth the peak of the old generation during the run, less its use before
     */
    public record Outcome(ProbeMeasurement measurement, Duration elapsed, long heapPeakGrowth) {

        /** All error messages, one a line, for assertions and their descriptions. */
        public String errors() {
            return measurement.errors().stream().map(ProbeError::message).collect(Collectors.joining("\n"));
        }

        /** Asserts the run's shape common to every hostile case: bounded time and memory, FAILED or PARTIAL. */
        public Outcome endedWithin(Duration budget) {
            boundedBy(budget);
            assertThat(measurement.status()).as(errors()).isIn(ProbeStatus.FAILED, ProbeStatus.PARTIAL);
            return this;
        }

        /** Asserts bounded time and memory only: for answers a probe may rightly take as good (a huge body). */
        public Outcome boundedBy(Duration budget) {
            assertThat(elapsed).as("time of %s", errors()).isLessThan(budget);
            assertThat(heapPeakGrowth).as("old-generation growth of %s", errors()).isLessThan(HEAP_BUDGET_BYTES);
            return this;
        }

        /** Asserts that some error says one of {@code texts} (case-insensitive): for races between two bounds. */
        public Outcome saysOneOf(String... texts) {
            String lower = errors().toLowerCase(Locale.ROOT);
            assertThat(Arrays.stream(texts).anyMatch(t -> lower.contains(t.toLowerCase(Locale.ROOT))))
                    .as("one of %s in %s", Arrays.toString(texts), errors()).isTrue();
            return this;
        }

        /** Asserts that some error says {@code text} (case-insensitive). */
        public Outcome says(String text) {
            assertThat(errors().toLowerCase(Locale.ROOT)).contains(text.toLowerCase(Locale.ROOT));
            return this;
        }
    }

    /** Runs the only probe of {@code specYaml} with {@code registry}, writing into {@code out}. */
    public static Outcome run(ProbeRegistry registry, String specYaml, Path out) throws Exception {
        List<MemoryPoolMXBean> oldGen = oldGeneration();
        System.gc();
        long before = oldGen.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        oldGen.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        RunResult result = new Benchmark(registry, SecretResolver.system(), Clock.systemUTC())
                .run(SpecLoader.load("cluster.yaml", specYaml), "cluster.yaml", BenchmarkOptions.into(out),
                        BenchmarkListener.SILENT, new StopSignal());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long peak = oldGen.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        Path written = out.resolve(ResultFiles.RESULT_JSON);
        assertThat(Files.isRegularFile(written)).as("result.json written").isTrue();
        assertThat(ResultFiles.read(written).probes()).hasSize(1);
        Outcome outcome = new Outcome(result.probes().get(0), elapsed, peak - before);
        System.out.printf("hostile case: %s in %d ms, old generation +%d MiB: %s%n", out.getFileName(),
                elapsed.toMillis(), Math.max(0, outcome.heapPeakGrowth()) / (1024 * 1024),
                outcome.errors().lines().findFirst().orElse(""));
        return outcome;
    }

    /** A call that may throw, for {@link #measure}. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws Exception;
    }

    /**
     * What one call against a hostile server gave, for reads outside a probe (tuning, health waits, checks).
     *
     * @param value what the call returned, or null when it threw
     * @param failure what it threw, or null when it returned
     * @param elapsed how long it took
     * @param heapPeakGrowth the peak of the old generation during the call, less its use before
     */
    public record Measured<T>(T value, Exception failure, Duration elapsed, long heapPeakGrowth) {

        /** Asserts that the call ended within {@code budget} and held less than {@link #HEAP_BUDGET_BYTES}. */
        public Measured<T> boundedBy(Duration budget) {
            String what = failure == null ? String.valueOf(value) : failure.toString();
            assertThat(elapsed).as("time of %s", what).isLessThan(budget);
            assertThat(heapPeakGrowth).as("old-generation growth of %s", what).isLessThan(HEAP_BUDGET_BYTES);
            return this;
        }
    }

    /** Runs {@code call}, measuring its time and the old generation's peak growth, and prints both. */
    public static <T> Measured<T> measure(String name, Call<T> call) {
        List<MemoryPoolMXBean> oldGen = oldGeneration();
        System.gc();
        long before = oldGen.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        oldGen.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        T value = null;
        Exception failure = null;
        try {
            value = call.call();
        } catch (Exception e) {
            failure = e;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long peak = oldGen.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf("hostile case: %s in %d ms, old generation +%d MiB: %s%n", name, elapsed.toMillis(),
                Math.max(0, peak - before) / (1024 * 1024), failure == null ? value : failure.getMessage());
        return new Measured<>(value, failure, elapsed, peak - before);
    }

    private static List<MemoryPoolMXBean> oldGeneration() {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        List<MemoryPoolMXBean> old = heap.stream().filter(pool -> pool.getName().contains("Old")
                || pool.getName().contains("Tenured")).toList();
        return old.isEmpty() ? heap : old;
    }
}
