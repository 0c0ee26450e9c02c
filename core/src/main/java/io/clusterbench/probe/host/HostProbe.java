package io.clusterbench.probe.host;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.probe.Probe;
import io.clusterbench.probe.ProbeContext;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.spec.HostDescriptor;
import io.clusterbench.ssh.ExecResult;
import io.clusterbench.ssh.SshConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Measures hosts over SSH from /proc and df: memory used % (100 x (1 - MemAvailable / MemTotal)), swap used %,
 * CPU used % over {@code cpuInterval}, load averages, CPU count and the use of each of {@code mounts}. Every metric
 * is named {@code HOST.METRIC}; a host that cannot be reached is an error of that host while the others are still
 * measured.
 *
 * <p>CPU use comes from two readings of /proc/stat taken by two commands, the second {@code cpuInterval} after the
 * first as timed here (not a remote {@code sleep}, so that a stop request ends the wait at once); the percentage is
 * a ratio of the kernel's own tick counts, so the exact spacing of the two reads does not bias it.
 */
public final class HostProbe implements Probe {
    static final List<String> CPU_LINE_COMMAND = List.of("head", "-n", "1", "/proc/stat");

    @Override
    public ProbeMeasurement run(ProbeContext context) {
        Duration interval = HostDescriptor.CPU_INTERVAL.in(context.probe().parameters());
        List<String> mounts = HostDescriptor.MOUNTS.in(context.probe().parameters());
        return PerHost.run(context, (connection, report, stop) -> measure(connection, report, stop, interval, mounts));
    }

    private static void measure(SshConnection connection, HostReport report, StopSignal stop, Duration interval,
            List<String> mounts) throws ClusterBenchException {
        ExecResult first = connection.exec(ProcSnapshot.COMMAND);
        long firstAt = System.nanoTime();
        if (!first.succeeded()) {
            report.error(ErrorKind.REMOTE, failed(connection, ProcSnapshot.COMMAND, first)
                    + ": this probe needs a Linux host whose /proc the login user can read");
            return;
        }
        ProcSnapshot snapshot = ProcSnapshot.parse(first.stdout());
        memory(connection, snapshot, report);
        load(connection, snapshot, report);
        disks(connection, mounts, report);
        Optional<CpuTimes> before = snapshot.cpu();
        if (before.isEmpty()) {
            report.error(ErrorKind.PROTOCOL, connection.target().describe()
                    + ": /proc/stat has no 'cpu' line, so CPU use"
                    + " is not measured: is this a Linux host?");
            return;
        }
        Duration left = interval.minusNanos(System.nanoTime() - firstAt);
        if (!PerHost.pause(left, stop)) {
            return; // stopped: the measurement says so, and CPU use over a cut interval is left out
        }
        ExecResult second = connection.exec(CPU_LINE_COMMAND);
        Optional<CpuTimes> after = second.succeeded() ? CpuTimes.parse(second.stdout()) : Optional.empty();
        if (after.isEmpty()) {
            report.error(ErrorKind.REMOTE, failed(connection, CPU_LINE_COMMAND, second) + ": CPU use is not measured");
            return;
        }
        OptionalDouble used = after.get().usedPercentSince(before.get());
        if (used.isEmpty()) {
            report.error(ErrorKind.NODATA, connection.target().describe()
                    + ": no clock tick passed in the CPU interval of "
                    + interval.toMillis() + " ms, so CPU use is not measured: raise cpuInterval (1s or more)");
            return;
        }
        report.metric("cpu_used_pct", used.getAsDouble(), "percent");
        after.get().iowaitPercentSince(before.get()).ifPresent(p -> report.metric("cpu_iowait_pct", p, "percent"));
    }

    private static void memory(SshConnection connection, ProcSnapshot snapshot, HostReport report) {
        OptionalLong total = snapshot.memory("MemTotal");
        OptionalLong available = snapshot.availableMemory();
        if (total.isEmpty() || total.getAsLong() <= 0 || available.isEmpty()) {
            report.error(ErrorKind.PROTOCOL, connection.target().describe() + ": /proc/meminfo lacks MemTotal or"
                    + " MemAvailable, so memory use is not measured: is this a Linux host?");
        } else {
            report.metric("used_pct", 100.0 * (1.0 - (double) available.getAsLong() / total.getAsLong()), "percent");
            report.metric("mem_total_bytes", total.getAsLong(), "bytes");
            snapshot.memory("MemAvailable").ifPresent(bytes -> report.metric("mem_available_bytes", bytes, "bytes"));
        }
        OptionalLong swapTotal = snapshot.memory("SwapTotal");
        OptionalLong swapFree = snapshot.memory("SwapFree");
        // Without swap there is no swap use to measure: the metric is left out (NODATA), never written as 0.
        if (swapTotal.isPresent() && swapTotal.getAsLong() > 0 && swapFree.isPresent()) {
            long usedSwap = swapTotal.getAsLong() - swapFree.getAsLong();
            report.metric("swap_used_pct", 100.0 * usedSwap / swapTotal.getAsLong(), "percent");
        }
    }

    private static void load(SshConnection connection, ProcSnapshot snapshot, HostReport report) {
        List<String> names = List.of("load1", "load5", "load15");
        if (snapshot.load(0).isEmpty()) {
            report.error(ErrorKind.PROTOCOL, connection.target().describe()
                    + ": /proc/loadavg could not be read, so the"
                    + " load averages are not measured");
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            snapshot.load(i).ifPresent(value -> report.metric(name, value, "count"));
        }
        if (snapshot.cpus() > 0) {
            report.metric("cpus", snapshot.cpus(), "count");
        }
    }

    private static void disks(SshConnection connection, List<String> mounts, HostReport report)
            throws ClusterBenchException {
        List<String> slugs = HostDescriptor.slugs(mounts);
        for (int i = 0; i < mounts.size(); i++) {
            String mount = mounts.get(i);
            String slug = slugs.get(i);
            List<String> command = DiskUsage.command(mount);
            ExecResult result;
            try {
                result = connection.exec(command);
            } catch (ClusterBenchException e) {
                if (e.kind() == ClusterBenchException.Kind.CONNECTION) {
                    throw e;
                }
                // A hung network file system times out this df only; the other mounts are still measured.
                report.error(SshFailures.kind(e), e.getMessage());
                continue;
            }
            Optional<DiskUsage> usage = result.succeeded() ? DiskUsage.parse(result.stdout()) : Optional.empty();
            if (usage.isEmpty()) {
                report.error(ErrorKind.REMOTE, failed(connection, command, result) + ": check that " + mount
                        + " exists on the host, or fix mounts in the spec");
                continue;
            }
            Map<String, String> labels = Map.of("mount", mount, "filesystem", usage.get().filesystem(),
                    "mountedOn", usage.get().mountedOn());
            String prefix = "disk." + slug + ".";
            usage.get().usedPercent().ifPresent(p -> report.metric(prefix + "used_pct", p, "percent", labels));
            report.metric(prefix + "size_bytes", usage.get().sizeBytes(), "bytes", labels);
            report.metric(prefix + "used_bytes", usage.get().usedBytes(), "bytes", labels);
            report.metric(prefix + "available_bytes", usage.get().availableBytes(), "bytes", labels);
        }
    }

    /** "ssh host sark (…): 'df -P -B1 -- /nope' exited 1: df: /nope: No such file or directory". */
    static String failed(SshConnection connection, List<String> command, ExecResult result) {
        String how = result.exitSignal().map(s -> "was killed by SIG" + s)
                .orElse(result.exitCode() == 0 ? "printed no usable output" : "exited " + result.exitCode());
        String output = firstLine(result.stderr()).or(() -> firstLine(result.stdout())).map(l -> ": " + l).orElse("");
        return connection.target().describe() + ": '" + String.join(" ", command) + "' " + how + output;
    }

    private static Optional<String> firstLine(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst();
    }
}
