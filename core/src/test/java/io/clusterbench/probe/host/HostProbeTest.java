package io.clusterbench.probe.host;

import static io.clusterbench.probe.host.SshProbeRuns.metric;
import static io.clusterbench.probe.host.SshProbeRuns.unreachableHost;
import static io.clusterbench.probe.host.SshProbeRuns.value;
import static io.clusterbench.testkit.SshdSpecs.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.clusterbench.local.LocalSshd;
import io.clusterbench.control.StopSignal;
import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ResultFiles;
import io.clusterbench.result.RunResult;
import io.clusterbench.result.ToolInfo;
import io.clusterbench.testkit.RealServers;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The host probe over a real sshd on this machine, so that its numbers can be checked against local readings. */
@ExtendWith(RealServers.class)
class HostProbeTest {

    private static final Path RESULT_SCHEMA = Path.of("..", "docs", "result.schema.json");

    private final LocalSshd sshd;

    HostProbeTest(LocalSshd sshd) {
        this.sshd = sshd;
    }

    @Test
    void measuresMemoryAsThisMachinesMeminfoShowsIt() throws Exception {
        ProbeMeasurement measurement = runOn(host("box", sshd), "{ type: host, hosts: [box], cpuInterval: 200ms }");
        Map<String, Long> local = localMeminfo();

        assertThat(measurement.status()).as("errors: %s", measurement.errors()).isEqualTo(ProbeStatus.OK);
        double expected = 100.0 * (1.0 - (double) local.get("MemAvailable") / local.get("MemTotal"));
        assertThat(value(measurement, "box.used_pct")).isBetween(0.0, 100.0).isCloseTo(expected, within(3.0));
        assertThat(value(measurement, "box.mem_total_bytes")).isEqualTo(local.get("MemTotal") * 1024.0);
        assertThat(value(measurement, "box.mem_available_bytes")).isPositive();
        assertThat(metric(measurement, "box.used_pct").orElseThrow().unit()).isEqualTo("percent");
        if (local.get("SwapTotal") == 0) {
            assertThat(metric(measurement, "box.swap_used_pct")).as("no swap is NODATA, not 0").isEmpty();
        } else {
            assertThat(value(measurement, "box.swap_used_pct")).isBetween(0.0, 100.0);
        }
    }

    @Test
    void measuresCpuUseLoadAndCpuCount() throws Exception {
        ProbeMeasurement measurement = runOn(host("box", sshd), "{ type: host, hosts: [box], cpuInterval: 500ms }");

        assertThat(value(measurement, "box.cpu_used_pct")).isBetween(0.0, 100.0);
        assertThat(value(measurement, "box.cpu_iowait_pct")).isBetween(0.0, 100.0);
        assertThat(value(measurement, "box.load1")).isGreaterThanOrEqualTo(0.0);
        assertThat(value(measurement, "box.load5")).isGreaterThanOrEqualTo(0.0);
        assertThat(value(measurement, "box.load15")).isGreaterThanOrEqualTo(0.0);
        long localCpus = Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.matches("cpu\\d+\\s.*")).count();
        assertThat(value(measurement, "box.cpus")).isEqualTo((double) localCpus).isGreaterThanOrEqualTo(1.0);
        assertThat(Duration.between(measurement.startedAt(), measurement.endedAt()))
                .as("the CPU interval passed between the two readings").isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void measuresTheRootFileSystemAsDfDoes() throws Exception {
        ProbeMeasurement measurement = runOn(host("box", sshd), "{ type: host, hosts: [box], cpuInterval: 100ms }");
        FileStore root = Files.getFileStore(Path.of("/"));
        double used = root.getTotalSpace() - root.getUnallocatedSpace();
        double expected = 100.0 * used / (used + root.getUsableSpace());

        MetricValue disk = metric(measurement, "box.disk.root.used_pct").orElseThrow();
        assertThat(disk.value()).isGreaterThan(0.0).isLessThanOrEqualTo(100.0).isCloseTo(expected, within(1.0));
        assertThat(disk.labels()).containsEntry("mount", "/").containsEntry("mountedOn", "/");
        assertThat(value(measurement, "box.disk.root.size_bytes")).isEqualTo((double) root.getTotalSpace());
    }

    @Test
    void reportsAMissingMountAndStillMeasuresTheOthers() throws Exception {
        ProbeMeasurement measurement = runOn(host("box", sshd),
                "{ type: host, hosts: [box], cpuInterval: 100ms, mounts: [/, /no/such/mount] }");

        assertThat(measurement.status()).isEqualTo(ProbeStatus.PARTIAL);
        assertThat(metric(measurement, "box.disk.root.used_pct")).isPresent();
        assertThat(metric(measurement, "box.disk.no_such_mount.used_pct")).isEmpty();
        assertThat(measurement.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.REMOTE);
            assertThat(error.message()).contains("ssh host box", "df -P -B1 -- /no/such/mount", "No such file",
                    "fix mounts in the spec");
        });
    }

    @Test
    void measuresTheReachableHostWhenAnotherIsUnreachable() throws Exception {
        ProbeMeasurement measurement = runOn(host("box", sshd) + unreachableHost("gone", sshd),
                "{ type: host, hosts: [gone, box], cpuInterval: 200ms }");

        assertThat(measurement.status()).isEqualTo(ProbeStatus.PARTIAL);
        assertThat(measurement.target()).isEqualTo("ssh://" + sshd.user() + "@gone," + sshd.user() + "@box");
        assertThat(metric(measurement, "box.used_pct")).isPresent();
        assertThat(measurement.metrics()).extracting(MetricValue::name).noneMatch(name -> name.startsWith("gone."));
        assertThat(measurement.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(ErrorKind.UNREACHABLE);
            assertThat(error.message()).contains("ssh host gone", "connection refused");
        });
    }

    @Test
    void tellsAChangedHostKeyAndARefusedLoginApart() throws Exception {
        String hosts = host("box", sshd).replace("knownHosts: \"" + sshd.knownHostsFile() + "\"",
                "hostKey: \"SHA256:" + "A".repeat(43) + "\"")
                + host("locked", sshd).replace("keyFile: \"" + sshd.clientKey() + "\"",
                        "password: \"${env:WRONG_PASSWORD}\"");

        ProbeMeasurement measurement = runOn(hosts, "{ type: host, hosts: [box, locked], cpuInterval: 100ms }");

        assertThat(measurement.status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(measurement.errors()).extracting(ProbeError::kind).containsExactly(ErrorKind.HOST_KEY,
                ErrorKind.AUTH);
        assertThat(measurement.errors()).extracting(ProbeError::message).noneMatch(m -> m.contains("not-the-password"));
    }

    @Test
    void endsTheCpuIntervalAtOnceWhenStoppedAndLeavesCpuUseOut() throws Exception {
        StopSignal stop = new StopSignal();
        stop.raise();

        long start = System.nanoTime();
        ProbeMeasurement measurement = SshProbeRuns.run(new HostProbe(), sshd, host("box", sshd),
                "  memory: { type: host, hosts: [box], cpuInterval: 60s }\n", "memory", stop);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(metric(measurement, "box.cpu_used_pct")).isEmpty();
        assertThat(metric(measurement, "box.used_pct")).isPresent();
        assertThat(measurement.errors()).extracting(ProbeError::kind).containsExactly(ErrorKind.STOPPED);
        assertThat(measurement.status()).isEqualTo(ProbeStatus.PARTIAL);
    }

    @Test
    void writesMeasurementsThatTheResultSchemaAccepts() throws Exception {
        ProbeMeasurement measurement = runOn(host("box", sshd) + unreachableHost("gone", sshd),
                "{ type: host, hosts: [box, gone], cpuInterval: 100ms }");
        RunResult result = new RunResult(RunResult.SCHEMA_VERSION, "run-1", "local", "cluster.yaml", null,
                ToolInfo.current(), measurement.startedAt(), measurement.endedAt(), List.of(), List.of(measurement));

        JsonNode json = new ObjectMapper().readTree(ResultFiles.toJson(result));
        JsonNode schema = new ObjectMapper().readTree(RESULT_SCHEMA.toFile());

        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(json))
                .isEmpty();
    }

    private ProbeMeasurement runOn(String hosts, String probe) throws Exception {
        return SshProbeRuns.run(new HostProbe(), sshd, hosts, "  memory: " + probe + "\n", "memory",
                new StopSignal());
    }

    private static Map<String, Long> localMeminfo() throws Exception {
        Map<String, Long> kib = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            String[] parts = line.split(":\\s+|\\s+");
            kib.put(parts[0], Long.parseLong(parts[1]));
        }
        return kib;
    }
}
