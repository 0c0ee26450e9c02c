package io.clusterbench.probe.host;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.probe.Probe;
import io.clusterbench.probe.ProbeContext;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.ssh.ExecResult;
import io.clusterbench.ssh.SshConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Measures the NVIDIA GPUs of hosts over SSH with one {@code nvidia-smi --query-gpu} per host: per GPU, metrics
 * {@code HOST.gpuINDEX.util_pct}, {@code .memory_used_mib}, {@code .memory_total_mib}, {@code .memory_used_pct},
 * {@code .temperature_c} and {@code .power_w}, labelled with the GPU's index and name, plus {@code HOST.gpus}.
 * A field nvidia-smi cannot read on that GPU ({@code [N/A]}, {@code [Not Supported]}) leaves its metric out.
 */
public final class GpuProbe implements Probe {
    /** The shell's exit status for a command it cannot find. */
    private static final int COMMAND_NOT_FOUND = 127;
    /** The shell's exit status for a command found but not executable. */
    private static final int NOT_EXECUTABLE = 126;

    @Override
    public ProbeMeasurement run(ProbeContext context) {
        return PerHost.run(context, (connection, report, stop) -> measure(connection, report));
    }

    private static void measure(SshConnection connection, HostReport report) throws ClusterBenchException {
        record(connection.target().describe(), connection.exec(GpuReading.COMMAND), report);
    }

    /** Turns nvidia-smi's answer on one host into that host's metrics or errors. */
    static void record(String where, ExecResult result, HostReport report) {
        String host = report.hostId();
        if (notFound(result)) {
            report.error(ErrorKind.REMOTE, where + ": nvidia-smi not found on host " + host + " (" + output(result)
                    + "): install the NVIDIA driver, or run the gpu probe on the host that has the GPU");
            return;
        }
        if (result.exitCode() == NOT_EXECUTABLE) {
            report.error(ErrorKind.REMOTE, where + ": nvidia-smi cannot be run on host " + host + " (" + output(result)
                    + "): check its permissions for the login user");
            return;
        }
        if (!result.succeeded()) {
            String how = result.exitSignal().map(s -> "killed by SIG" + s).orElse("exit " + result.exitCode());
            report.error(ErrorKind.REMOTE, where + ": nvidia-smi failed on host " + host + " (" + how + "): "
                    + output(result) + ": check that the NVIDIA driver is loaded (nvidia-smi on the host shows the"
                    + " same message) and that the login user may use the GPUs");
            return;
        }
        List<GpuReading> gpus = new ArrayList<>();
        for (String line : result.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            Optional<GpuReading> gpu = GpuReading.parse(line);
            if (gpu.isPresent()) {
                gpus.add(gpu.get());
            } else {
                report.error(ErrorKind.PROTOCOL, where + ": nvidia-smi printed a line that is not a GPU reading: '"
                        + line + "': check the driver's nvidia-smi version");
            }
        }
        if (gpus.isEmpty()) {
            report.error(ErrorKind.NODATA, where + ": nvidia-smi listed no GPU on host " + host
                    + ": check that the GPUs are visible to the login user (nvidia-smi -L)");
            return;
        }
        report.metric("gpus", gpus.size(), "count");
        for (GpuReading gpu : gpus) {
            Map<String, String> labels = Map.of("gpu", gpu.index(), "name", gpu.name());
            String prefix = "gpu" + gpu.index() + ".";
            add(report, prefix + "util_pct", gpu.utilizationPct(), "percent", labels);
            add(report, prefix + "memory_used_mib", gpu.memoryUsedMib(), "MiB", labels);
            add(report, prefix + "memory_total_mib", gpu.memoryTotalMib(), "MiB", labels);
            add(report, prefix + "memory_used_pct", gpu.memoryUsedPct(), "percent", labels);
            add(report, prefix + "temperature_c", gpu.temperatureC(), "celsius", labels);
            add(report, prefix + "power_w", gpu.powerW(), "W", labels);
        }
    }

    private static void add(HostReport report, String name, OptionalDouble value, String unit,
            Map<String, String> labels) {
        value.ifPresent(v -> report.metric(name, v, unit, labels));
    }

    private static boolean notFound(ExecResult result) {
        if (result.exitCode() == COMMAND_NOT_FOUND) {
            return true;
        }
        String stderr = result.stderr().toLowerCase(Locale.ROOT);
        return !result.succeeded() && stderr.contains("nvidia-smi") && stderr.contains("not found");
    }

    /** What nvidia-smi or the shell said; nvidia-smi writes its own errors to stdout, so both streams count. */
    private static String output(ExecResult result) {
        List<String> lines = new ArrayList<>();
        result.stderr().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
        result.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
        if (lines.isEmpty()) {
            return "no output";
        }
        String text = String.join(" ", lines.subList(0, Math.min(3, lines.size())));
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
