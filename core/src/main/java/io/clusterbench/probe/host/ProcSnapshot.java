package io.clusterbench.probe.host;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reading of /proc/meminfo, /proc/loadavg and /proc/stat, taken with one {@code cat} of the three files so that
 * it costs one round trip; each line is recognised by its own shape, so the files' order does not matter.
 */
final class ProcSnapshot {
    /** The command that takes a snapshot. */
    static final List<String> COMMAND = List.of("cat", "/proc/meminfo", "/proc/loadavg", "/proc/stat");

    private static final Pattern MEMINFO = Pattern.compile("([A-Za-z0-9_()]+):\\s+(\\d+)(\\s+kB)?");
    private static final Pattern LOADAVG = Pattern.compile(
            "(\\d+\\.\\d+)\\s+(\\d+\\.\\d+)\\s+(\\d+\\.\\d+)\\s+\\d+/\\d+\\s+\\d+");
    private static final Pattern CPU_N = Pattern.compile("cpu\\d+\\s.*");
    private static final long KIB = 1024;

    private final Map<String, Long> memoryBytes;
    private final double[] load;
    private final Optional<CpuTimes> cpu;
    private final int cpus;

    private ProcSnapshot(Map<String, Long> memoryBytes, double[] load, Optional<CpuTimes> cpu, int cpus) {
        this.memoryBytes = memoryBytes;
        this.load = load;
        this.cpu = cpu;
        this.cpus = cpus;
    }

    static ProcSnapshot parse(String text) {
        Map<String, Long> memory = new HashMap<>();
        double[] load = null;
        Optional<CpuTimes> cpu = Optional.empty();
        int cpus = 0;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            Matcher m;
            if ((m = MEMINFO.matcher(line)).matches()) {
                long value = Long.parseLong(m.group(2));
                memory.put(m.group(1), m.group(3) != null ? value * KIB : value);
            } else if ((m = LOADAVG.matcher(line)).matches()) {
                load = new double[] {
                    Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))};
            } else if (line.startsWith("cpu ")) {
                cpu = CpuTimes.parse(line);
            } else if (CPU_N.matcher(line).matches()) {
                cpus++;
            }
        }
        return new ProcSnapshot(memory, load, cpu, cpus);
    }

    /** A /proc/meminfo field in bytes (the file writes kB, which the kernel means as KiB). */
    OptionalLong memory(String field) {
        Long value = memoryBytes.get(field);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /**
     * Memory available for new work without swapping: MemAvailable, or on kernels before 3.14 that lack it the
     * estimate node_exporter's rules use, MemFree + Buffers + Cached + Slab. Never MemFree alone, which counts the
     * page cache as used.
     */
    OptionalLong availableMemory() {
        OptionalLong available = memory("MemAvailable");
        if (available.isPresent()) {
            return available;
        }
        long sum = 0;
        for (String field : List.of("MemFree", "Buffers", "Cached", "Slab")) {
            OptionalLong part = memory(field);
            if (part.isEmpty()) {
                return OptionalLong.empty();
            }
            sum += part.getAsLong();
        }
        return OptionalLong.of(sum);
    }

    /** Load average over 1, 5 or 15 minutes (index 0, 1, 2). */
    OptionalDouble load(int index) {
        return load == null ? OptionalDouble.empty() : OptionalDouble.of(load[index]);
    }

    Optional<CpuTimes> cpu() {
        return cpu;
    }

    /** Online CPUs: the {@code cpuN} lines of /proc/stat; 0 when there were none. */
    int cpus() {
        return cpus;
    }
}
