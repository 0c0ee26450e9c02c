package io.clusterbench.probe.redis;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Samples this JVM's memory every few seconds during a soak: the heap in use right after the latest garbage
 * collection (what the program keeps; it only grows if something is retained per request), the heap in use now,
 * the collection count, and the process's resident set size and peak from /proc/self/status.
 */
final class MemorySampler implements AutoCloseable {
    private static final double MIB = 1024.0 * 1024.0;

    /** One sample. */
    record Sample(long seconds, long heapAfterGc, long heapUsed, long collections, long rssKib, long peakRssKib) {
    }

    private final int everySeconds;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "memory-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Sample> samples = new ArrayList<>();
    private final AtomicLong heapAfterLastGc = new AtomicLong(-1);
    private final NotificationListener listener = this::onCollection;
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private long startedNanos;

    MemorySampler(int everySeconds) {
        this.everySeconds = everySeconds;
    }

    void start() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener(listener, null, null);
        }
        startedNanos = System.nanoTime();
        timer.scheduleAtFixedRate(this::sample, 0, everySeconds, TimeUnit.SECONDS);
    }

    private void onCollection(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        heapAfterLastGc.set(used);
    }

    private synchronized void sample() {
        long collections = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        samples.add(new Sample((System.nanoTime() - startedNanos) / 1_000_000_000L, heapAfterLastGc.get(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), collections,
                status("VmRSS:"), status("VmHWM:")));
    }

    private static long status(String field) {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith(field))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public synchronized void close() {
        if (!timer.isShutdown()) {
            timer.shutdownNow();
            sample();
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                try {
                    ((NotificationEmitter) collector).removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // Never started: nothing to remove.
                }
            }
        }
    }

    /** A Markdown summary and table of the samples (at most about 20 rows). */
    synchronized String report() {
        List<Sample> afterGc = samples.stream().filter(s -> s.heapAfterGc() >= 0).toList();
        StringBuilder md = new StringBuilder();
        if (afterGc.size() >= 2) {
            int quarter = Math.max(1, afterGc.size() / 4);
            double early = afterGc.subList(0, quarter).stream().mapToLong(Sample::heapAfterGc).average().orElse(0);
            double late = afterGc.subList(afterGc.size() - quarter, afterGc.size()).stream()
                    .mapToLong(Sample::heapAfterGc).average().orElse(0);
            md.append(String.format(Locale.ROOT, "Heap after GC: first quarter of the run %.1f MiB, last quarter "
                    + "%.1f MiB (min %.1f, max %.1f MiB over %d samples). ", early / MIB, late / MIB,
                    afterGc.stream().mapToLong(Sample::heapAfterGc).min().orElse(0) / MIB,
                    afterGc.stream().mapToLong(Sample::heapAfterGc).max().orElse(0) / MIB, afterGc.size()));
        } else {
            md.append("Too few garbage collections to compare the heap after GC over time. ");
        }
        Sample last = samples.get(samples.size() - 1);
        md.append(String.format(Locale.ROOT, "RSS: %.0f MiB at the first sample, %.0f MiB at the end; peak RSS "
                + "(VmHWM) %.0f MiB; %d collections.%n%n", samples.get(0).rssKib() / 1024.0, last.rssKib() / 1024.0,
                last.peakRssKib() / 1024.0, last.collections()));
        md.append("| s | heap after last GC MiB | heap used MiB | GCs | RSS MiB |\n|---|---|---|---|---|\n");
        int step = Math.max(1, samples.size() / 20);
        for (int i = 0; i < samples.size(); i++) {
            if (i % step == 0 || i == samples.size() - 1) {
                Sample s = samples.get(i);
                md.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %d | %.0f |%n", s.seconds(),
                        s.heapAfterGc() < 0 ? "-" : String.format(Locale.ROOT, "%.1f", s.heapAfterGc() / MIB),
                        s.heapUsed() / MIB, s.collections(), s.rssKib() / 1024.0));
            }
        }
        return md.toString();
    }
}
