package io.clusterbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A few readings of a host's /proc/loadavg taken ~100 ms apart, and its online CPUs: what the host check judges.
 *
 * <p>Load1 alone would flag the run's own load: it is a one-minute average, so for a minute after the run's own
 * round on a host (in the demo and the tests, the load generator's own machine) it stays above the CPUs. The
 * run queue, the first number of loadavg's fourth field, is the count of tasks runnable at that instant, so it
 * drops as soon as the load stops. A host is busy only when both agree: load1 above its CPUs (the load has lasted)
 * and the median run queue above its CPUs now (it has not stopped).
 *
 * @param load1 the one-minute load average of the last reading
 * @param runnable the run queue of each reading, less the process that read it
 * @param cpus online CPUs (the {@code cpuN} lines of /proc/stat)
 */
record RunQueue(double load1, List<Integer> runnable, int cpus) {
    private static final Pattern LOADAVG = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s+\\d+(?:\\.\\d+)?\\s+\\d+(?:\\.\\d+)?\\s+(\\d{1,9})/\\d+\\s+\\d+");
    private static final Pattern COUNT = Pattern.compile("\\d{1,6}");

    RunQueue {
        runnable = List.copyOf(runnable);
    }

    /**
     * Reads the output of {@link HostRunQueue#COMMAND}: loadavg lines, then the CPU count on a line of its own;
     * empty when there is no loadavg line or no positive CPU count.
     */
    static Optional<RunQueue> parse(String text) {
        double load1 = Double.NaN;
        List<Integer> runnable = new ArrayList<>();
        int cpus = 0;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            Matcher m = LOADAVG.matcher(line);
            if (m.matches()) {
                load1 = Double.parseDouble(m.group(1));
                // The reading cat is itself running when it reads the file.
                runnable.add(Math.max(0, Integer.parseInt(m.group(2)) - 1));
            } else if (COUNT.matcher(line).matches()) {
                cpus = Integer.parseInt(line);
            }
        }
        if (runnable.isEmpty() || cpus <= 0) {
            return Optional.empty();
        }
        return Optional.of(new RunQueue(load1, runnable, cpus));
    }

    /** The median run queue over the readings (the lower middle one for an even count). */
    int medianRunnable() {
        List<Integer> sorted = runnable.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** Whether other work loads the host: load1 and the median run queue both above its CPUs. */
    boolean busy() {
        return load1 > cpus && medianRunnable() > cpus;
    }
}
