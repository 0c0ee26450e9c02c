package io.clusterbench.probe.host;

import static io.clusterbench.testkit.SshdSpecs.host;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.local.LocalSshd;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.spec.Parameters;
import io.clusterbench.spec.ProbeKind;
import io.clusterbench.spec.ProbeSpec;
import io.clusterbench.spec.SpecLocation;
import io.clusterbench.ssh.ExecResult;
import io.clusterbench.testkit.DescribedMetrics;
import io.clusterbench.testkit.RealServers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gpu probe: nvidia-smi output in its recorded format (test data under probe/gpu), and the real error path of a
 * host without nvidia-smi over a real sshd (this machine has no NVIDIA driver).
 */
@ExtendWith(RealServers.class)
class GpuProbeTest {

    private static final String WHERE = "ssh host sark (10.0.0.69:22)";

    @Test
    void readsEveryFieldOfAnH100() throws Exception {
        HostReport report = recorded("h100-one-gpu.csv");

        assertThat(report.failures()).isEmpty();
        assertThat(values(report)).containsOnly(
                Map.entry("sark.gpus", 1.0),
                Map.entry("sark.gpu0.util_pct", 87.0),
                Map.entry("sark.gpu0.memory_used_mib", 73711.0),
                Map.entry("sark.gpu0.memory_total_mib", 81559.0),
                Map.entry("sark.gpu0.memory_used_pct", 100.0 * 73711 / 81559),
                Map.entry("sark.gpu0.temperature_c", 64.0),
                Map.entry("sark.gpu0.power_w", 612.43));
        assertThat(metric(report, "sark.gpu0.util_pct").labels())
                .isEqualTo(Map.of("gpu", "0", "name", "NVIDIA H100 80GB HBM3"));
        assertThat(metric(report, "sark.gpu0.temperature_c").unit()).isEqualTo("celsius");
        assertThat(metric(report, "sark.gpu0.memory_used_mib").unit()).isEqualTo("MiB");
    }

    @Test
    void namesTheMetricsOfEachGpuByItsIndex() throws Exception {
        HostReport report = recorded("a100-two-gpus.csv");

        assertThat(report.failures()).isEmpty();
        assertThat(values(report)).containsEntry("sark.gpus", 2.0)
                .containsEntry("sark.gpu0.util_pct", 100.0)
                .containsEntry("sark.gpu1.util_pct", 0.0)
                .containsEntry("sark.gpu1.memory_used_mib", 4.0)
                .containsEntry("sark.gpu1.power_w", 54.87);
        assertThat(metric(report, "sark.gpu1.power_w").labels()).containsEntry("name", "NVIDIA A100-SXM4-40GB");
    }

    @Test
    void writesOnlyMetricsItsDescriptorNames() throws Exception {
        ProbeSpec probe = new ProbeSpec("gpu", ProbeKind.GPU, Optional.empty(), List.of("sark"), Parameters.EMPTY,
                new SpecLocation("cluster.yaml", 1, 1));

        for (String sample : List.of("h100-one-gpu.csv", "a100-two-gpus.csv", "not-supported.csv")) {
            DescribedMetrics.checked(probe, recorded(sample).metrics());
        }
    }

    @Test
    void leavesOutPowerThatTheBoardDoesNotReport() throws Exception {
        HostReport report = recorded("power-not-available.csv");

        assertThat(report.failures()).isEmpty();
        assertThat(values(report)).doesNotContainKey("sark.gpu0.power_w")
                .containsEntry("sark.gpu0.util_pct", 12.0)
                .containsEntry("sark.gpu0.temperature_c", 52.0);
    }

    @Test
    void leavesOutFieldsTheDriverDoesNotSupport() throws Exception {
        HostReport report = recorded("not-supported.csv");

        assertThat(report.failures()).isEmpty();
        assertThat(values(report)).doesNotContainKeys("sark.gpu0.util_pct", "sark.gpu0.power_w")
                .containsEntry("sark.gpu0.memory_used_pct", 25.0);
        assertThat(metric(report, "sark.gpu0.memory_used_mib").labels())
                .containsEntry("name", "NVIDIA GeForce GTX 1050 Ti");
    }

    @Test
    void surfacesTheDriverMessageWhenNvidiaSmiFails() throws Exception {
        HostReport report = new HostReport("sark");

        GpuProbe.record(WHERE, exec(9, sample("driver-not-loaded.txt"), ""), report);

        assertThat(report.metrics()).isEmpty();
        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(ErrorKind.REMOTE);
            assertThat(failure.message()).contains(WHERE, "nvidia-smi failed on host sark (exit 9)",
                    "couldn't communicate with the NVIDIA driver", "check that the NVIDIA driver is loaded");
        });
    }

    @Test
    void reportsALineThatIsNotAGpuReadingAndKeepsTheOthers() {
        HostReport report = new HostReport("sark");

        GpuProbe.record(WHERE, exec(0, "0, NVIDIA L4, 5, 300, 23034, 40, 27.1\nsomething else\n", ""), report);

        assertThat(values(report)).containsEntry("sark.gpu0.util_pct", 5.0);
        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.kind()).isEqualTo(ErrorKind.PROTOCOL);
            assertThat(failure.message()).contains("'something else'");
        });
    }

    @Test
    void saysWhatToDoWhenTheHostHasNoNvidiaSmi(LocalSshd sshd) throws Exception {
        ProbeMeasurement measurement = SshProbeRuns.run(new GpuProbe(), sshd, host("sark", sshd),
                "  gpu: { type: gpu, host: sark }\n", "gpu", new StopSignal());

        assertThat(measurement.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(measurement.kind()).isEqualTo("gpu");
        assertThat(measurement.metrics()).isEmpty();
        assertThat(measurement.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.REMOTE);
            assertThat(error.message()).contains("ssh host sark", "nvidia-smi not found on host sark",
                    "install the NVIDIA driver", "run the gpu probe on the host that has the GPU");
        });
    }

    private static HostReport recorded(String sample) throws IOException {
        HostReport report = new HostReport("sark");
        GpuProbe.record(WHERE, exec(0, sample(sample), ""), report);
        return report;
    }

    private static ExecResult exec(int exitCode, String stdout, String stderr) {
        return new ExecResult(exitCode, stdout, false, stderr, false, Duration.ofMillis(40), Optional.empty());
    }

    /** A test data file without its {@code #} comment lines, as nvidia-smi would print it. */
    private static String sample(String name) throws IOException {
        try (InputStream in = GpuProbeTest.class.getResourceAsStream("/probe/gpu/" + name)) {
            assertThat(in).as("test data /probe/gpu/%s", name).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n", "", "\n"));
        }
    }

    private static Map<String, Double> values(HostReport report) {
        return report.metrics().stream().collect(Collectors.toMap(MetricValue::name, MetricValue::value));
    }

    private static MetricValue metric(HostReport report, String name) {
        return report.metrics().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name + " in " + report.metrics()));
    }
}
