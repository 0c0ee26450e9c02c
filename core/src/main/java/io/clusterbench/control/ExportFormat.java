package io.clusterbench.control;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The text formats a run's metrics can be exported in (docs/results.md, "Prometheus export"). */
public enum ExportFormat {
    /** OpenMetrics 1.0 text, ending in {@code # EOF}: what {@code clusterbench export} writes by default. */
    OPENMETRICS("openmetrics"),
    /**
     * The Prometheus text format 0.0.4: what the Pushgateway accepts (it refuses OpenMetrics), and what a node
     * exporter's textfile collector reads.
     */
    PROMETHEUS("prometheus");

    private final String word;

    ExportFormat(String word) {
        this.word = word;
    }

    /** The name the command line and docs use: {@code openmetrics} or {@code prometheus}. */
    public String word() {
        return word;
    }

    /** The format of that name, or empty. */
    public static Optional<ExportFormat> named(String word) {
        return Arrays.stream(values()).filter(format -> format.word.equals(word)).findFirst();
    }

    /** Every format's name, for messages and help. */
    public static List<String> words() {
        return Arrays.stream(values()).map(ExportFormat::word).toList();
    }
}
