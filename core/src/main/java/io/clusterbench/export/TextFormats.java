package io.clusterbench.export;

import io.clusterbench.control.ExportFormat;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes metric families in an {@link ExportFormat} with the Prometheus Java client's own writers, so that escaping,
 * number spelling and the {@code # EOF} line follow the specifications rather than a copy of them.
 */
public final class TextFormats {
    private static final ExpositionFormatWriter OPENMETRICS = OpenMetricsTextFormatWriter.create();
    private static final ExpositionFormatWriter PROMETHEUS = PrometheusTextFormatWriter.create();

    private TextFormats() {
    }

    /** The metrics as text in the format. */
    public static String write(MetricSnapshots metrics, ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer(format).write(out, metrics);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The HTTP content type of the format, with its version. */
    public static String contentType(ExportFormat format) {
        return writer(format).getContentType();
    }

    private static ExpositionFormatWriter writer(ExportFormat format) {
        return switch (format) {
            case OPENMETRICS -> OPENMETRICS;
            case PROMETHEUS -> PROMETHEUS;
        };
    }
}
