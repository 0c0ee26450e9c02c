package io.clusterbench.probe.host;

import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.MetricValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one host gave a host or gpu probe: metrics, each named {@code HOST.METRIC} so that objectives can address
 * {@code probe.HOST.METRIC}, and errors. Written by the one thread that measures the host.
 */
final class HostReport {
    /** One failure on this host. */
    record Failure(ErrorKind kind, String message) {
    }

    private final String hostId;
    private final List<MetricValue> metrics = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();

    HostReport(String hostId) {
        this.hostId = hostId;
    }

    String hostId() {
        return hostId;
    }

    /** Adds {@code HOST.name}. */
    void metric(String name, double value, String unit) {
        metric(name, value, unit, Map.of());
    }

    /** Adds {@code HOST.name} with labels. */
    void metric(String name, double value, String unit, Map<String, String> labels) {
        metrics.add(new MetricValue(hostId + "." + name, value, unit, labels));
    }

    void error(ErrorKind kind, String message) {
        failures.add(new Failure(kind, message));
    }

    List<MetricValue> metrics() {
        return List.copyOf(metrics);
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }
}
