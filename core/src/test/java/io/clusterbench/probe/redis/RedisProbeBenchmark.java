package io.clusterbench.probe.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalRedis;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not part of the test suite (surefire only runs {@code *Test} by default): compares the redis probe's throughput
 * with redis-benchmark's at equal clients, pipeline, command, value size and key space against one private
 * redis-server, and runs a soak that samples the JVM's heap after GC and RSS. Run by
 * {@code bench/redis-vs-redis-benchmark.sh}, which documents the properties; results go to
 * {@code docs/performance-parts/redis.md}.
 */
class RedisProbeBenchmark {
    private static final Path REPORT = Path.of("..", "docs", "performance-parts", "redis.md");
    private static final Pattern RPS = Pattern.compile("([A-Z]+): ([0-9.]+) requests per second");
    private static final Pattern CPU = Pattern.compile("CPU ([0-9.]+) ([0-9.]+)");
    private static final int CLIENTS = Integer.getInteger("cb.redis.clients", 50);
    private static final int VALUE_SIZE = 64;
    private static final int KEY_SPACE = KeySpace.MAX_KEYS;
    private static final String SCRIPT = System.getProperty("cb.redis.script", "bench/redis-vs-redis-benchmark.sh");

    /** One side of one comparison: ops/s, and CPU seconds per million commands of the client and of the server. */
    record Side(double opsPerSecond, double clientCpuPerMillion, double serverCpuPerMillion) {
    }

    @Test
    void compareWithRedisBenchmark(@TempDir Path dir) throws Exception {
        int rounds = Integer.getInteger("cb.redis.rounds", 3);
        long requestsP1 = Long.getLong("cb.redis.requests", 200_000);
        String loadBefore = loadAverage();
        List<String> rows = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        double cold;
        try (LocalRedis redis = LocalRedis.start(dir)) {
            // The first run in a fresh JVM includes JIT compilation; it is reported but not compared.
            cold = probe(redis, 1, "get, set", requestsP1).opsPerSecond();
            probe(redis, 16, "get, set", requestsP1 * 5);
            for (int pipeline : new int[] {1, 16}) {
                long requests = pipeline == 1 ? requestsP1 : requestsP1 * 5;
                for (String command : List.of("set", "get")) {
                    List<Side> theirs = new ArrayList<>();
                    List<Side> ours = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        theirs.add(redisBenchmark(redis, pipeline, command, requests));
                        ours.add(probe(redis, pipeline, command, requests));
                        raw.add(String.format(Locale.ROOT, "| %d | %s | %d | %.0f | %.0f | %.2f |", pipeline,
                                command, round + 1, theirs.get(round).opsPerSecond(), ours.get(round).opsPerSecond(),
                                ours.get(round).opsPerSecond() / theirs.get(round).opsPerSecond()));
                    }
                    Side them = median(theirs);
                    Side us = median(ours);
                    rows.add(String.format(Locale.ROOT,
                            "| %d | %s | %d | %.0f | %.0f | **%.2f** | %.2f / %.2f | %.2f / %.2f |",
                            pipeline, command, requests, them.opsPerSecond(), us.opsPerSecond(),
                            us.opsPerSecond() / them.opsPerSecond(), them.clientCpuPerMillion(),
                            us.clientCpuPerMillion(), them.serverCpuPerMillion(), us.serverCpuPerMillion()));
                }
            }
        }
        StringBuilder md = new StringBuilder("### Probe vs redis-benchmark\n\n")
                .append("Produced by `").append(SCRIPT).append("` on ").append(java.time.LocalDate.now())
                .append(", ").append(machine()).append(". Load average before: ").append(loadBefore)
                .append(", after: ").append(loadAverage()).append(".\n\n")
                .append("Both tools ran against the same private redis-server, one after the other, ")
                .append(rounds).append(" rounds each, interleaved; the table shows the medians. Equal settings: ")
                .append(CLIENTS).append(" clients, the same pipeline, one command at a time, ")
                .append(VALUE_SIZE).append("-byte values, ").append(KEY_SPACE).append(" keys. redis-benchmark ran as\n")
                .append("`redis-benchmark -t CMD -c ").append(CLIENTS).append(" -P P -n N -q -d ").append(VALUE_SIZE)
                .append(" -r ").append(KEY_SPACE).append("`; the probe as `{ clients: ").append(CLIENTS)
                .append(", pipeline: P, requests: N, commands: [CMD], valueSize: ").append(VALUE_SIZE)
                .append(" }` in an already warm JVM (the very first probe run of the JVM, cold, mixed get/set at P=1: ")
                .append(String.format(Locale.ROOT, "%.0f", cold)).append(" ops/s).\n\n")
                .append("CPU columns: CPU seconds per million commands used by the load generator (redis-benchmark / ")
                .append("the probe's JVM) and by redis-server during that generator's run.\n\n")
                .append("| pipeline | command | N | redis-benchmark ops/s | probe ops/s | ratio ")
                .append("| client CPU s/M (rb / probe) | server CPU s/M (rb / probe) |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        rows.forEach(row -> md.append(row).append('\n'));
        md.append("\n<details><summary>Every round</summary>\n\n| pipeline | command | round | redis-benchmark ops/s ")
                .append("| probe ops/s | ratio |\n|---|---|---|---|---|---|\n");
        raw.forEach(row -> md.append(row).append('\n'));
        md.append("\n</details>\n");
        System.out.println(md);
        writeSection("### Probe vs redis-benchmark", md.toString());
    }

    @Test
    void soak(@TempDir Path dir) throws Exception {
        int seconds = Integer.getInteger("cb.redis.soak", 60);
        int every = Integer.getInteger("cb.redis.sampleEvery", 5);
        try (LocalRedis redis = LocalRedis.start(dir); MemorySampler sampler = new MemorySampler(every)) {
            RedisProbeRuns runs = RedisProbeRuns.of(redis.port(), "clients: " + CLIENTS
                    + ", pipeline: 1, duration: " + seconds + "s, commands: [get, set], valueSize: " + VALUE_SIZE);
            sampler.start();
            ProbeMeasurement measurement = runs.run();
            sampler.close();
            assertThat(measurement.status()).as("%s", measurement.errors()).isEqualTo(ProbeStatus.OK);
            String heading = "### Soak, " + seconds + " s, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MiB";
            String md = heading + ": heap after GC and RSS\n\n"
                    + "Produced by `" + SCRIPT + "` on " + java.time.LocalDate.now() + ", "
                    + machine() + ", load average " + loadAverage() + ". The probe ran `{ clients: " + CLIENTS
                    + ", pipeline: 1, duration: " + seconds + "s, commands: [get, set] }` against a private "
                    + "redis-server: " + String.format(Locale.ROOT, "%.0f", RedisProbeRuns.metric(measurement, "ops"))
                    + " commands, "
                    + String.format(Locale.ROOT, "%.0f", RedisProbeRuns.metric(measurement, "ops_per_s"))
                    + " ops/s. JVM options: " + ManagementFactory.getRuntimeMXBean().getInputArguments()
                    + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB.\n\n"
                    + sampler.report();
            System.out.println(md);
            writeSection(heading, md);
        }
    }

    private static Side probe(LocalRedis redis, int pipeline, String commands, long requests) throws Exception {
        RedisProbeRuns runs = RedisProbeRuns.of(redis.port(), "clients: " + CLIENTS + ", pipeline: " + pipeline
                + ", requests: " + requests + ", commands: [" + commands + "], valueSize: " + VALUE_SIZE);
        long serverBefore = cpuTicks(redis.pid());
        long clientBefore = processCpuNanos();
        ProbeMeasurement measurement = runs.run();
        double clientSeconds = (processCpuNanos() - clientBefore) / 1e9;
        double serverSeconds = (cpuTicks(redis.pid()) - serverBefore) / 100.0;
        assertThat(measurement.status()).as("%s", measurement.errors()).isEqualTo(ProbeStatus.OK);
        double millions = requests / 1e6;
        return new Side(RedisProbeRuns.metric(measurement, "ops_per_s"), clientSeconds / millions,
                serverSeconds / millions);
    }

    private static Side redisBenchmark(LocalRedis redis, int pipeline, String command, long requests)
            throws IOException, InterruptedException {
        List<String> argv = List.of("/usr/bin/time", "-f", "CPU %U %S", "redis-benchmark", "-h", redis.host(),
                "-p", String.valueOf(redis.port()), "-t", command, "-c", String.valueOf(CLIENTS),
                "-P", String.valueOf(pipeline), "-n", String.valueOf(requests), "-q", "-d", String.valueOf(VALUE_SIZE),
                "-r", String.valueOf(KEY_SPACE));
        long serverBefore = cpuTicks(redis.pid());
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        double serverSeconds = (cpuTicks(redis.pid()) - serverBefore) / 100.0;
        Matcher rps = RPS.matcher(output);
        double opsPerSecond = -1;
        while (rps.find()) {
            opsPerSecond = Double.parseDouble(rps.group(2));
        }
        Matcher cpu = CPU.matcher(output);
        assertThat(opsPerSecond).as(output).isPositive();
        assertThat(cpu.find()).as(output).isTrue();
        double millions = requests / 1e6;
        return new Side(opsPerSecond, (Double.parseDouble(cpu.group(1)) + Double.parseDouble(cpu.group(2))) / millions,
                serverSeconds / millions);
    }

    private static Side median(List<Side> sides) {
        List<Side> sorted = new ArrayList<>(sides);
        sorted.sort(java.util.Comparator.comparingDouble(Side::opsPerSecond));
        return sorted.get(sorted.size() / 2);
    }

    /** utime + stime of a process in clock ticks (100 per second on Linux). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static String loadAverage() throws IOException {
        return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }

    static String machine() throws IOException {
        long kib = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
        return Runtime.getRuntime().availableProcessors() + " cores, " + Math.round(kib / 1048576.0) + " GiB, Java "
                + System.getProperty("java.version") + ", " + firstLine("redis-server", "--version");
    }

    private static String firstLine(String... argv) throws IOException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return output.lines().findFirst().orElse("?").replaceAll(" sha=.*", "");
    }

    /**
     * Replaces the section that starts with {@code heading} in the report, or appends it; other sections stay.
     * Sections are level 3, because bench/assemble-performance.sh turns the report's title into a level-2 heading.
     */
    private static synchronized void writeSection(String heading, String section) throws IOException {
        Files.createDirectories(REPORT.getParent());
        String existing = Files.exists(REPORT) ? Files.readString(REPORT) : "# Redis probe performance\n\n";
        int start = existing.indexOf(heading);
        String updated;
        if (start < 0) {
            updated = existing.stripTrailing() + "\n\n" + section;
        } else {
            int end = existing.indexOf("\n### ", start + heading.length());
            updated = existing.substring(0, start) + section.stripTrailing() + "\n"
                    + (end < 0 ? "" : existing.substring(end));
        }
        Files.writeString(REPORT, updated.stripTrailing() + "\n");
    }
}
