package io.clusterbench.trend;

import io.clusterbench.result.TrendData;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.LatencyHistogram;
import io.clusterbench.result.ResultFiles;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trend over 10,000 stored results: generates them, then builds the trend twice, each time in a fresh JVM as
 * the CLI would (first: every summary created from result.json; second: from summaries only), then the second
 * build again in this warmed-up JVM. Not part of the test suite (surefire runs *Test only); bench/trend-10000.sh
 * runs it and writes docs/performance-parts/trend.md from the key=value lines it writes to $CB_BENCH_OUT.
 */
class TrendBenchmark {
    private static final int RUNS = Integer.parseInt(env("CB_BENCH_RUNS", "10000"));

    @Test
    void tenThousandRuns(@TempDir Path dir) throws Exception {
        Path history = dir.resolve("history");
        List<String> lines = new ArrayList<>();
        long start = System.nanoTime();
        List<LatencyHistogram> histograms = TrendHistories.histograms(16, 20_000);
        TrendHistories.write(history, 0, RUNS, histograms);
        lines.add("runs=" + RUNS);
        lines.add(String.format(Locale.ROOT, "generate_s=%.1f", (System.nanoTime() - start) / 1e9));
        lines.add("result_bytes_mean=" + totalSize(history, ResultFiles.RESULT_JSON) / RUNS);

        List<String> first = freshJvm(history, dir.resolve("out-first"), "first");
        lines.addAll(first);
        assertThat(first).contains("first.created=" + RUNS);
        lines.add("summary_bytes_mean=" + totalSize(history, SummaryFiles.SUMMARY_JSON) / RUNS);
        List<String> second = freshJvm(history, dir.resolve("out-second"), "second");
        lines.addAll(second);
        assertThat(second).contains("second.reused=" + RUNS, "second.created=0");
        lines.addAll(measure(history, dir.resolve("out-warm"), "warm", 3));
        lines.add("trend_json_bytes=" + Files.size(dir.resolve("out-second").resolve(TrendWriter.TREND_JSON)));
        lines.add("trend_html_bytes=" + Files.size(dir.resolve("out-second").resolve(TrendWriter.TREND_HTML)));

        lines.forEach(System.out::println);
        String out = System.getenv("CB_BENCH_OUT");
        if (out != null) {
            Files.write(Path.of(out), lines, StandardCharsets.UTF_8);
        }
    }

    /** The entry point of the fresh JVM: {@code HISTORY OUT PHASE}. */
    public static void main(String[] args) throws Exception {
        measure(Path.of(args[0]), Path.of(args[1]), args[2], 1).forEach(System.out::println);
    }

    /** Builds and writes the trend {@code repeats} times; reports the fastest build and the peak heap. */
    private static List<String> measure(Path history, Path out, String phase, int repeats) throws Exception {
        long bestBuild = Long.MAX_VALUE;
        long bestWrite = Long.MAX_VALUE;
        TrendData data = null;
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            data = Trend.build(history, List.of());
            long built = System.nanoTime();
            TrendWriter.write(data, out);
            bestBuild = Math.min(bestBuild, built - start);
            bestWrite = Math.min(bestWrite, System.nanoTime() - built);
        }
        // The sum of each heap pool's own peak: an upper bound of the heap in use at any one moment.
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return List.of(
                String.format(Locale.ROOT, "%s.build_ms=%d", phase, bestBuild / 1_000_000),
                String.format(Locale.ROOT, "%s.write_ms=%d", phase, bestWrite / 1_000_000),
                String.format(Locale.ROOT, "%s.peak_heap_mb=%d", phase, peak / (1024 * 1024)),
                String.format(Locale.ROOT, "%s.max_heap_mb=%d", phase,
                        Runtime.getRuntime().maxMemory() / (1024 * 1024)),
                phase + ".created=" + data.summariesCreated(),
                phase + ".reused=" + data.summariesReused(),
                phase + ".runs=" + data.runs().size());
    }

    private static List<String> freshJvm(Path history, Path out, String phase) throws IOException,
            InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TrendBenchmark.class.getName(), history.toString(), out.toString(), phase)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("the " + phase + " build failed:\n" + output);
        }
        return output.lines().filter(line -> line.startsWith(phase + ".")).toList();
    }

    private static long totalSize(Path history, String name) throws IOException {
        try (Stream<Path> walk = Files.walk(history)) {
            return walk.filter(path -> path.getFileName().toString().equals(name)).mapToLong(path -> {
                try {
                    return Files.size(path);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).sum();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
