package io.clusterbench.probe.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterbench.spec.HostDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The formulas of the host probe on readings in the kernel's and df's formats. */
class ProcReadingsTest {

    @Test
    void countsGuestTimeOnceAndIowaitAsNotBusy() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        CpuTimes before = CpuTimes.parse("cpu  1000 0 500 8000 100 0 0 0 400 0").orElseThrow();
        CpuTimes after = CpuTimes.parse("cpu  1300 0 600 8500 200 0 0 0 700 0").orElseThrow();

        // busy grew by 300 + 100 = 400 of 300 + 100 + 500 + 100 = 1000 ticks; guest (already in user) is not added.
        assertThat(after.usedPercentSince(before)).hasValue(40.0);
        assertThat(after.iowaitPercentSince(before)).hasValue(10.0);
    }

    @Test
    void hasNoCpuUseWhenNoTickPassed() {
        CpuTimes reading = CpuTimes.parse("cpu 1 2 3 4 5 6 7 8 9 10").orElseThrow();

        assertThat(reading.usedPercentSince(reading)).isEmpty();
    }

    @Test
    void readsMemoryLoadAndCpusFromOneCatOfTheThreeFiles() {
        ProcSnapshot snapshot = ProcSnapshot.parse("""
                MemTotal:       16000000 kB
                MemFree:         1000000 kB
                MemAvailable:    4000000 kB
                SwapTotal:             0 kB
                HugePages_Total:       0
                0.52 0.58 0.59 2/467 12345
                cpu  84440 0 11134 212541 376 0 107 28 0 0
                cpu0 42220 0 5567 106270 188 0 53 14 0 0
                cpu1 42220 0 5567 106271 188 0 54 14 0 0
                intr 1234 0 0
                """);

        assertThat(snapshot.memory("MemTotal")).hasValue(16_000_000L * 1024);
        assertThat(snapshot.availableMemory()).hasValue(4_000_000L * 1024);
        assertThat(snapshot.memory("HugePages_Total")).hasValue(0);
        assertThat(snapshot.load(2)).hasValue(0.59);
        assertThat(snapshot.cpus()).isEqualTo(2);
        assertThat(snapshot.cpu()).isPresent();
    }

    @Test
    void estimatesAvailableMemoryLikeNodeExporterOnKernelsWithoutMemAvailable() {
        ProcSnapshot snapshot = ProcSnapshot.parse("""
                MemTotal: 1000 kB
                MemFree: 100 kB
                Buffers: 50 kB
                Cached: 200 kB
                Slab: 50 kB
                """);

        assertThat(snapshot.availableMemory()).hasValue(400L * 1024);
    }

    @Test
    void readsDfWithSpacesInTheMountPointAndComputesUseAsDfDoes() {
        DiskUsage usage = DiskUsage.parse("""
                Filesystem         1-blocks        Used   Available Capacity Mounted on
                /dev/sdb1       1000000000   250000000   500000000      34% /mnt/my data
                """).orElseThrow();

        assertThat(usage.mountedOn()).isEqualTo("/mnt/my data");
        assertThat(usage.filesystem()).isEqualTo("/dev/sdb1");
        // df: used / (used + available), so root-reserved blocks count as neither.
        assertThat(usage.usedPercent().getAsDouble()).isCloseTo(100.0 / 3, within(1e-9));
    }

    @Test
    void namesMountPointsForMetricNames() {
        assertThat(HostDescriptor.slugs(List.of("/", "/var/lib/docker", "/mnt/my data/", "/var/lib/docker/")))
                .containsExactly("root", "var_lib_docker", "mnt_my_data", "var_lib_docker_2");
    }
}
