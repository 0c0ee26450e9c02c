package io.clusterbench.capacity;

import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.local.LocalRedis;
import io.clusterbench.testkit.PlantedLimits;
import io.clusterbench.result.CapacityCurve;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capacity search's accuracy and cost: {@code CB_CAPACITY_RUNS} searches (default 5) against the planted nginx
 * limit of {@link HttpCapacityTest} and as many against the planted Redis limit of {@link RedisCapacityTest}, with
 * the same specs. Not part of the test suite (surefire runs *Test only); bench/capacity.sh runs it and writes
 * docs/performance-parts/capacity.md from the key=value lines it writes to $CB_BENCH_OUT.
 */
class CapacityAccuracyBenchmark {
    private static final int RUNS = Integer.parseInt(env("CB_CAPACITY_RUNS", "5"));

    @Test
    void searchesThePlantedLimits(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        try (LocalNginxBalancer nginx = LocalNginxBalancer.start(dir.resolve("nginx"))) {
            PlantedLimits.limitRequests(nginx, HttpCapacityTest.PLANTED);
            for (int run = 1; run <= RUNS; run++) {
                RunResult result = CapacityRuns.benchmark(HttpCapacityTest.spec(nginx), dir.resolve("http-" + run));
                lines.add(line("http", run, HttpCapacityTest.PLANTED, CapacityRuns.probe(result, "lb-capacity")));
            }
        }
        try (LocalRedis redis = LocalRedis.start(dir.resolve("redis"))) {
            PlantedLimits.limitRedisCalls(redis, RedisCapacityTest.PLANTED, RedisCapacityTest.BURST);
            for (int run = 1; run <= RUNS; run++) {
                RunResult result = CapacityRuns.benchmark(RedisCapacityTest.spec(redis, 25),
                        dir.resolve("redis-" + run));
                lines.add(line("redis", run, RedisCapacityTest.PLANTED, CapacityRuns.probe(result, "cache-capacity")));
            }
        }
        lines.add("runs=" + RUNS);
        Files.write(Path.of(env("CB_BENCH_OUT", dir.resolve("capacity.txt").toString())), lines);
        lines.forEach(System.out::println);
    }

    /** {@code kind.run=found error_pct seconds steps outcome}; found and error are "-" when nothing was found. */
    private static String line(String kind, int run, int truth, ProbeMeasurement probe) {
        CapacityCurve curve = probe.capacity();
        double seconds = CapacityRuns.metric(probe, "capacity_search_s").orElse(Double.NaN);
        boolean found = curve.outcome().equals(CapacityCurve.FOUND);
        return String.format(Locale.ROOT, "%s.%d=%s %s %.1f %d %s", kind, run,
                found ? String.format(Locale.ROOT, "%.1f", curve.passed()) : "-",
                found ? String.format(Locale.ROOT, "%+.1f", 100 * (curve.passed() - truth) / truth) : "-",
                seconds, curve.steps().size(), curve.outcome());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
