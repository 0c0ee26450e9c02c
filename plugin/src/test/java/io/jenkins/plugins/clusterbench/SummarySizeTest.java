package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.SummaryLimits;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a result costs in build.xml, which Jenkins reads whole for every build the trend shows: the summary is bounded
 * whatever the spec, and the details (hundreds of lines for a big spec) are not in it. XStream is not among the
 * stand-ins, so the size is measured by writing the action's stored fields the way XStream writes these types (an
 * element per field, {@code <string>} per list item, {@code <entry>} per map entry); docs/jenkins.md quotes it.
 */
class SummarySizeTest {
    /** What docs/jenkins.md promises for a summary at every bound with long names (measured: about 12 KB). */
    private static final int DOCUMENTED_MAX_BYTES = 16 * 1024;

    @Test
    void aSummaryAtEveryBoundStaysUnderTheDocumentedSize() throws Exception {
        ClusterBenchAction huge = hugeResult();

        assertThat(huge.getMetrics()).hasSize(SummaryLimits.MAX_METRICS);
        assertThat(huge.getFailedObjectives()).hasSize(SummaryLimits.MAX_FAILED_OBJECTIVES);
        assertThat(huge.getFailedObjectiveCount()).isEqualTo(300);
        assertThat(huge.getUnnamedFailedObjectives()).isEqualTo(300 - SummaryLimits.MAX_FAILED_OBJECTIVES);
        assertThat(huge.getTrendMetrics()).hasSize(SummaryLimits.MAX_TREND_METRICS);
        assertThat(huge.getMetrics()).as("the trend's metrics are kept first")
                .containsKeys(huge.getTrendMetrics().toArray(String[]::new));
        int bytes = xstreamLikeSize(huge);
        System.out.println("Cluster Bench summary at every bound: " + bytes + " bytes; typical: "
                + xstreamLikeSize(typicalResult()) + " bytes");
        assertThat(bytes).isLessThan(DOCUMENTED_MAX_BYTES);
    }

    @Test
    void theDetailsStayOutOfBuildXmlButOnThePage() throws Exception {
        ClusterBenchAction huge = hugeResult();

        assertThat(huge.getObjectives()).hasSize(BuildDetails.MAX_LINES);
        Field details = ClusterBenchAction.class.getDeclaredField("details");
        details.setAccessible(true);
        assertThat(details.get(huge)).as("stored field of build.xml").isNull();
        assertThat(xstreamLikeSize(huge)).isLessThan(xstreamLikeSize(typicalResult()) * 10);
    }

    @Test
    void aTypicalSummaryIsAFewHundredBytes() throws Exception {
        assertThat(xstreamLikeSize(typicalResult())).isBetween(300, 2048);
    }

    /** A spec far beyond any real one: 500 metrics, 300 failed objectives, names of 80 characters. */
    private static ClusterBenchAction hugeResult() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        List<ObjectiveLine> objectives = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String name = "probe-with-a-long-name-%03d.some_metric_with_a_long_name_and_labels_p99_ms".formatted(i);
            name = name + "x".repeat(80 - name.length());
            metrics.put(name, 123456.789 + i);
            if (i < 300) {
                failed.add(name);
                objectives.add(new ObjectiveLine(name, "FAIL", 1.0 * i, "ms", "<= 2", "x".repeat(200)));
            }
        }
        List<String> trend = new ArrayList<>(metrics.keySet()).subList(400, 406);
        BenchmarkOutcome outcome = new BenchmarkOutcome("20261129T143200Z-9f2c1a", 12.3, "FAIL",
                "a/rather/deep/workspace/folder/clusterbench-before-tuning/result.json", failed, metrics,
                new BuildDetails(objectives, List.of()), trend);
        List<String> artifacts = new ArrayList<>();
        for (String folder : List.of("x", "x/tuning", "x/before", "x/after")) {
            for (String file : RunArtifacts.FILES) {
                artifacts.add("a/rather/deep/workspace/folder/clusterbench-before-tuning/" + folder + "/" + file);
            }
        }
        return ClusterBenchAction.of(outcome, "a".repeat(64)).withArtifacts(artifacts, null);
    }

    /** A Redis and an HTTP probe with four objectives, one failed. */
    private static ClusterBenchAction typicalResult() {
        Map<String, Double> metrics = Map.of("cache-latency.get.p99_ms", 0.412, "cache-latency.ops_per_s", 41234.5,
                "lb-latency.p99_ms", 3.21, "lb-latency.requests_per_s", 49.9, "memory.sark.used_pct", 71.2);
        BenchmarkOutcome outcome = new BenchmarkOutcome("20261129T143200Z-9f2c1a", 87.5, "WARNING",
                "clusterbench/result.json", List.of("lb-latency.p99_ms"), metrics, null, List.of());
        List<String> artifacts = new ArrayList<>();
        RunArtifacts.FILES.forEach(file -> artifacts.add("clusterbench/" + file));
        return ClusterBenchAction.of(outcome, "clusterbench").withArtifacts(artifacts, null);
    }

    /**
     * The bytes XStream writes for the action's stored (non-transient, non-static) fields: {@code <field>value</field>}
     * for a value, {@code <field><string>item</string>...</field>} for a list, and
     * {@code <field><entry><string>key</string><double>value</double></entry>...</field>} for a map; null fields
     * are left out, as XStream does. The surrounding {@code <action class="...">} element is counted too.
     */
    static int xstreamLikeSize(Object action) throws IllegalAccessException {
        StringBuilder xml = new StringBuilder("<io.jenkins.plugins.clusterbench.ClusterBenchAction>\n");
        for (Field field : action.getClass().getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
                continue;
            }
            field.setAccessible(true);
            Object value = field.get(action);
            if (value == null) {
                continue;
            }
            String name = field.getName();
            xml.append("  <").append(name).append('>');
            if (value instanceof Collection<?> items) {
                for (Object item : items) {
                    xml.append("\n    <string>").append(item).append("</string>");
                }
                xml.append("\n  ");
            } else if (value instanceof Map<?, ?> map) {
                xml.append("\n    <no-comparator/>");
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    xml.append("\n    <entry>\n      <string>").append(entry.getKey())
                            .append("</string>\n      <double>").append(entry.getValue())
                            .append("</double>\n    </entry>");
                }
                xml.append("\n  ");
            } else {
                xml.append(value);
            }
            xml.append("</").append(name).append(">\n");
        }
        xml.append("</io.jenkins.plugins.clusterbench.ClusterBenchAction>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void theSizeEstimateCountsEveryStoredField() throws Exception {
        ClusterBenchAction typical = typicalResult();
        int withFailed = xstreamLikeSize(typical);
        Field failed = ClusterBenchAction.class.getDeclaredField("failedObjectives");
        failed.setAccessible(true);
        failed.set(typical, new ArrayList<>(Collections.nCopies(10, "lb-latency.p99_ms")));

        int nineMore = 9 * "<string>lb-latency.p99_ms</string>".length();
        assertThat(xstreamLikeSize(typical)).isGreaterThan(withFailed + nineMore);
    }
}
