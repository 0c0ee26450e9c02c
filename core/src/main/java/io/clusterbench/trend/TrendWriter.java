package io.clusterbench.trend;

import io.clusterbench.result.OutputFiles;
import io.clusterbench.result.TrendData;
import io.clusterbench.result.RunSummary;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.result.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a trend as {@code trend.json} (every run; schema in {@code docs/trend.md}), {@code trend.html} (SVG
 * charts and a table of the newest runs) and {@code trend.css}, the page's only styling.
 */
public final class TrendWriter {

    /** The machine-readable trend. */
    public static final String TREND_JSON = OutputFiles.TREND_JSON;
    /** The page. */
    public static final String TREND_HTML = OutputFiles.TREND_HTML;
    /** The page's style sheet, linked from it, because inline styles break under Jenkins' CSP. */
    public static final String TREND_CSS = OutputFiles.TREND_CSS;
    /** The {@code trend.json} format this build writes. */
    public static final int TREND_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private TrendWriter() {
    }

    /** {@code trend.json}'s top level. */
    record TrendJson(int trendVersion, String historyDir, int runCount, String message, List<MetricJson> metrics,
            List<PointJson> runs, List<String> skipped, SummariesJson summaries, int svgPointLimit) {
    }

    /** A chosen metric and its unit. */
    record MetricJson(String name, String unit) {
    }

    /** One run: a point of every line. */
    record PointJson(String runId, Instant startedAt, String cluster, Double score, Verdict verdict,
            Double passThreshold, Double warningThreshold, Map<String, Double> metrics) {
    }

    /** How the build found its summaries. */
    record SummariesJson(int reused, int created) {
    }

    /**
     * Writes {@code trend.json}, {@code trend.html} and {@code trend.css} into {@code outDir}, creating it.
     *
     * @throws ClusterBenchException when the folder cannot be written
     */
    public static void write(TrendData data, Path outDir) throws ClusterBenchException {
        try {
            Files.createDirectories(outDir);
            MAPPER.writeValue(outDir.resolve(TREND_JSON).toFile(), json(data));
            Files.writeString(outDir.resolve(TREND_HTML), TrendPage.render(data), StandardCharsets.UTF_8);
            try (InputStream css = TrendWriter.class.getResourceAsStream(TREND_CSS)) {
                if (css == null) {
                    throw new IllegalStateException(TREND_CSS + " is missing from the jar");
                }
                Files.copy(css, outDir.resolve(TREND_CSS), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ClusterBenchException(Kind.ENVIRONMENT, "cannot write the trend into " + outDir + ": "
                    + e.getMessage() + "; choose a writable folder with --out", e);
        }
    }

    static TrendJson json(TrendData data) {
        List<MetricJson> metrics = data.metrics().stream().map(name -> new MetricJson(name, data.unit(name))).toList();
        List<PointJson> points = new ArrayList<>(data.runs().size());
        for (RunSummary run : data.runs()) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (String metric : data.metrics()) {
                Double value = run.metrics().get(metric);
                if (value != null) {
                    values.put(metric, value);
                }
            }
            points.add(new PointJson(run.runId(), run.startedAt(), run.cluster(), run.score(), run.verdict(),
                    run.passThreshold(), run.warningThreshold(), values));
        }
        String message = data.isEmpty()
                ? "no runs found under " + data.historyDir() + ": no folder there holds a result.json"
                : null;
        return new TrendJson(TREND_VERSION, data.historyDir().toString(), data.runs().size(), message, metrics,
                points, data.skipped(), new SummariesJson(data.summariesReused(), data.summariesCreated()),
                Downsample.MAX_POINTS);
    }
}
