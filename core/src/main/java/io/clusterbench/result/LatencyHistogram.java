package io.clusterbench.result;

import java.util.Objects;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * A latency distribution: the whole HdrHistogram plus a readable summary of it.
 *
 * <p>The summary is for people and quick scripts; comparisons and merges use {@link #hdr}, the exact encoded
 * histogram.
 *
 * @param name what was timed, such as {@code get} or {@code request}
 * @param unit the unit of the recorded values and of the summary fields, normally {@code us}
 * @param count the number of recorded values
 * @param min the smallest recorded value
 * @param mean the mean
 * @param p50 the median
 * @param p90 the 90th percentile
 * @param p99 the 99th percentile
 * @param p999 the 99.9th percentile
 * @param max the largest recorded value
 * @param hdr the histogram, base64 of HdrHistogram's compressed encoding (see {@link HistogramCodec})
 */
public record LatencyHistogram(
        String name,
        String unit,
        long count,
        double min,
        double mean,
        double p50,
        double p90,
        double p99,
        double p999,
        double max,
        String hdr) {

    public LatencyHistogram {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(hdr, "hdr");
    }

    /** Summarises and encodes a histogram whose values are in {@code unit}. */
    public static LatencyHistogram of(String name, String unit, AbstractHistogram histogram) {
        boolean empty = histogram.getTotalCount() == 0;
        return new LatencyHistogram(
                name,
                unit,
                histogram.getTotalCount(),
                empty ? 0 : histogram.getMinValue(),
                empty ? 0 : histogram.getMean(),
                histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99),
                histogram.getValueAtPercentile(99.9),
                histogram.getMaxValue(),
                HistogramCodec.encode(histogram));
    }

    /** Decodes the exact histogram. */
    public Histogram histogram() {
        return HistogramCodec.decode(hdr);
    }
}
