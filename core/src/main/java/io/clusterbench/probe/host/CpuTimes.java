package io.clusterbench.probe.host;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The aggregate {@code cpu} line of /proc/stat: time every CPU spent in each state since boot, in clock ticks.
 *
 * <p>Use over an interval is computed from two readings: total = user + nice + system + idle + iowait + irq +
 * softirq + steal (guest and guest_nice are left out because the kernel already counts them in user and nice),
 * busy = total - idle - iowait, and used % = 100 x delta(busy) / delta(total); iowait % = 100 x delta(iowait) /
 * delta(total). Steal counts as busy: the host cannot use that time.
 */
record CpuTimes(long user, long nice, long system, long idle, long iowait, long irq, long softirq, long steal) {

    /** Reads a {@code cpu ...} line; empty when the line is not one. Kernels before 2.6.11 lack the later fields. */
    static Optional<CpuTimes> parse(String line) {
        String[] f = line.strip().split("\\s+");
        if (f.length < 5 || !f[0].equals("cpu")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CpuTimes(at(f, 1), at(f, 2), at(f, 3), at(f, 4), at(f, 5), at(f, 6), at(f, 7),
                    at(f, 8)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static long at(String[] fields, int index) {
        return index < fields.length ? Long.parseLong(fields[index]) : 0;
    }

    long total() {
        return user + nice + system + idle + iowait + irq + softirq + steal;
    }

    long busy() {
        return total() - idle - iowait;
    }

    /** Percent of CPU time used since {@code earlier}; empty when no tick passed (an interval too short to tell). */
    OptionalDouble usedPercentSince(CpuTimes earlier) {
        return percentOfTicks(busy() - earlier.busy(), earlier);
    }

    /** Percent of CPU time spent waiting for I/O since {@code earlier}. */
    OptionalDouble iowaitPercentSince(CpuTimes earlier) {
        return percentOfTicks(iowait - earlier.iowait, earlier);
    }

    private OptionalDouble percentOfTicks(long ticks, CpuTimes earlier) {
        long elapsed = total() - earlier.total();
        if (elapsed <= 0) {
            return OptionalDouble.empty();
        }
        // iowait may go backwards on some kernels (it is per-CPU and sampled); clamp rather than report nonsense.
        return OptionalDouble.of(Math.min(100.0, Math.max(0.0, 100.0 * ticks / elapsed)));
    }
}
