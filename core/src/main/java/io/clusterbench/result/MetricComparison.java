package io.clusterbench.result;

import java.util.Objects;

/**
 * One metric compared between two runs on the same workload (before and after tuning, or a run and its baseline).
 *
 * @param metric the metric, {@code probe.metric}
 * @param unit its unit
 * @param before the value in the earlier run
 * @param after the value in the later run
 * @param changePct (after - before) / before x 100, or null when before is 0
 * @param statistic the test used on raw samples ({@code mann-whitney-u}), or null when no samples exist
 * @param pValue the test's p-value, or null
 * @param significant whether the change is beyond noise (p below alpha and above the minimum effect)
 * @param worse whether the change goes the bad way for this metric (higher latency, lower throughput)
 * @param key whether an objective marked key watches this metric
 */
public record MetricComparison(
        String metric,
        String unit,
        double before,
        double after,
        Double changePct,
        String statistic,
        Double pValue,
        boolean significant,
        boolean worse,
        boolean key) {

    public MetricComparison {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
    }
}
