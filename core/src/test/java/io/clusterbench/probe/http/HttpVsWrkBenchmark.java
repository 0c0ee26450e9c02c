package io.clusterbench.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalNginxBalancer;
import io.clusterbench.result.ProbeMeasurement;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The closed-model http probe against wrk, with equal connections against the same private nginx, at 16 and at
 * 1000 connections (CB_BENCH_CONNECTIONS) side by side in one run; at 16 also java.net.http.HttpClient in the same
 * closed loop, to show why the probe has its own client. After each probe run it records the threads the probe
 * added at their peak and the heap after a full GC, so that a bounded thread count and a flat heap are measured,
 * not assumed. Not part of the test suite (surefire runs *Test only); bench/http-vs-wrk.sh runs it and writes
 * docs/performance-parts/http.md from the key=value lines it writes to $CB_BENCH_OUT.
 */
class HttpVsWrkBenchmark {
    private static final List<Integer> CONNECTIONS = Arrays.stream(env("CB_BENCH_CONNECTIONS", "16,1000").split(","))
            .map(String::trim).map(Integer::parseInt).toList();
    /** HttpClient, one thread per connection, is the reference at this count only. */
    private static final int CLIENT_CONNECTIONS = 16;
    private static final int SECONDS = Integer.parseInt(env("CB_BENCH_SECONDS", "10"));
    private static final int ROUNDS = Integer.parseInt(env("CB_BENCH_ROUNDS", "2"));
    private static final Pattern WRK_RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void closedModelAgainstWrk(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        try (LocalNginxBalancer nginx = LocalNginxBalancer.start(dir.resolve("nginx"))) {
            String url = nginx.url() + "/";
            for (int connections : CONNECTIONS) {
                // Warm-up: the JIT for the JVM clients, nginx's caches for everyone.
                wrk(url, connections, 2);
                probe(url, connections, 2);
                boolean withClient = connections == CLIENT_CONNECTIONS;
                if (withClient) {
                    httpClient(url, 2);
                }
                double wrkSum = 0;
                double probeSum = 0;
                double clientSum = 0;
                int mostThreads = 0;
                for (int round = 1; round <= ROUNDS; round++) {
                    double wrk = wrk(url, connections, SECONDS);
                    int threadsBefore = THREADS.getThreadCount();
                    THREADS.resetPeakThreadCount();
                    double probe = probe(url, connections, SECONDS);
                    mostThreads = Math.max(mostThreads, THREADS.getPeakThreadCount() - threadsBefore);
                    double heap = heapAfterGcMib();
                    double client = withClient ? httpClient(url, SECONDS) : 0;
                    lines.add(String.format(Locale.ROOT, "round.%d.%d=%.0f %.0f %.0f %.1f", connections, round, wrk,
                            probe, client, heap));
                    wrkSum += wrk;
                    probeSum += probe;
                    clientSum += client;
                }
                lines.add(String.format(Locale.ROOT, "wrk.%d=%.0f", connections, wrkSum / ROUNDS));
                lines.add(String.format(Locale.ROOT, "probe.%d=%.0f", connections, probeSum / ROUNDS));
                lines.add(String.format(Locale.ROOT, "ratio.%d=%.2f", connections, probeSum / wrkSum));
                lines.add("threads." + connections + "=" + mostThreads);
                if (withClient) {
                    lines.add(String.format(Locale.ROOT, "httpclient=%.0f", clientSum / ROUNDS));
                    lines.add(String.format(Locale.ROOT, "httpclient_ratio=%.2f", clientSum / wrkSum));
                }
            }
            lines.add("connections=" + CONNECTIONS.stream().map(String::valueOf).collect(Collectors.joining(",")));
            lines.add("seconds=" + SECONDS);
            lines.add("rounds=" + ROUNDS);
        }
        lines.forEach(System.out::println);
        String out = System.getenv("CB_BENCH_OUT");
        if (out != null) {
            Files.write(Path.of(out), lines, StandardCharsets.UTF_8);
        }
        assertThat(lines).isNotEmpty();
    }

    private static double wrk(String url, int connections, int seconds) throws IOException, InterruptedException {
        // wrk needs at least as many connections as threads.
        Process process = new ProcessBuilder("wrk", "-t" + Math.min(2, connections), "-c" + connections,
                "-d" + seconds + "s", url).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Matcher rate = WRK_RATE.matcher(output);
        if (!rate.find() || output.contains("Non-2xx") || output.contains("Socket errors")) {
            throw new IllegalStateException("wrk reported errors or no rate: " + output);
        }
        return Double.parseDouble(rate.group(1));
    }

    private static double probe(String url, int connections, int seconds) throws Exception {
        ProbeMeasurement measurement = new ProbeRun(url, "concurrency: " + connections + ", duration: " + seconds
                + "s").run();
        if (!measurement.errors().isEmpty()) {
            throw new IllegalStateException("the probe met errors: " + measurement.errors());
        }
        return ProbeRun.value(measurement, "requests_per_s");
    }

    /** The heap in use after a full collection: what the last run left behind, in MiB. */
    private static double heapAfterGcMib() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    /** The same closed loop on java.net.http.HttpClient (HTTP/1.1, kept alive), one thread per connection. */
    private static double httpClient(String url, int seconds) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
        LongAdder done = new LongAdder();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CLIENT_CONNECTIONS; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            done.increment();
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
