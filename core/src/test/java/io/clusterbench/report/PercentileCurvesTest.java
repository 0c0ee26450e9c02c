package io.clusterbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterbench.result.LatencyHistogram;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The curves come from the exact histogram, in milliseconds, with the x axis at log10(1 / (1 - p)). */
class PercentileCurvesTest {

    @Test
    void readsEachPercentileFromTheDecodedHistogramInMilliseconds() {
        Histogram histogram = new Histogram(3);
        for (int us = 1; us <= 10_000; us++) {
            histogram.recordValue(us);
        }
        PercentileCurves curves = PercentileCurves.of(List.of(LatencyHistogram.of("get", "us", histogram)));

        assertThat(curves.unit()).isEqualTo("ms");
        PercentileCurves.Curve curve = curves.curves().get(0);
        assertThat(curve.count()).isEqualTo(10_000);
        assertThat(curve.points()).hasSize(81);
        PercentileCurves.Point p99 = curve.points().get(40);
        assertThat(p99.x()).isEqualTo(2.0);
        assertThat(p99.percentile()).isEqualTo(99.0);
        assertThat(p99.value()).isEqualTo(histogram.getValueAtPercentile(99) / 1000.0).isCloseTo(9.9, within(0.01));
        assertThat(curve.keyValues().get(0)).isCloseTo(5.0, within(0.01));
        assertThat(curve.min()).isEqualTo(0.001);
        assertThat(curve.max()).isCloseTo(10.0, within(0.01));
        assertThat(curve.points()).extracting(PercentileCurves.Point::value).isSorted();
    }

    @Test
    void leavesOutEmptyHistogramsAndOtherUnitsAndSaysWhy() {
        Histogram tokens = new Histogram(3);
        tokens.recordValue(42);
        Histogram times = new Histogram(3);
        times.recordValue(7);
        PercentileCurves curves = PercentileCurves.of(List.of(LatencyHistogram.of("tokens", "tokens", tokens),
                LatencyHistogram.of("ttft", "us", times), LatencyHistogram.of("none", "tokens", new Histogram(3))));

        assertThat(curves.unit()).isEqualTo("tokens");
        assertThat(curves.curves()).extracting(PercentileCurves.Curve::name).containsExactly("tokens");
        assertThat(curves.left()).containsExactly("ttft: in us, not drawn beside values in tokens",
                "none: 0 values recorded");
    }

    @Test
    void findsEveryPercentileInOnePassExactlyAsHdrHistogramDoes() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        double[] percentiles = {0, 0.0001, 12.3, 50, 68.37722339831621, 90, 99, 99.9, 99.99, 99.999, 100, 50, 0};
        for (int round = 0; round < 50; round++) {
            Histogram histogram = new Histogram(3_600_000_000L, 3);
            int values = 1 + random.nextInt(round < 5 ? 3 : 5_000);
            for (int v = 0; v < values; v++) {
                histogram.recordValueWithCount(1 + random.nextLong(1L << random.nextInt(1, 31)), 1 + random.nextInt(9));
            }

            long[] found = PercentileCurves.valuesAtPercentiles(histogram, percentiles);

            for (int i = 0; i < percentiles.length; i++) {
                assertThat(found[i]).as("p%s of round %d", percentiles[i], round)
                        .isEqualTo(histogram.getValueAtPercentile(percentiles[i]));
            }
        }
    }

    @Test
    void decodesAtMostTwelveHistogramsPerProbeAndNamesTheRest() {
        Histogram histogram = new Histogram(3);
        histogram.recordValue(250);
        List<LatencyHistogram> many = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> LatencyHistogram.of("h" + i, "us", histogram)).toList();

        PercentileCurves curves = PercentileCurves.of(many);

        assertThat(curves.curves()).hasSize(12).extracting(PercentileCurves.Curve::name).endsWith("h11");
        assertThat(curves.left()).containsExactly(
                "8 more histograms: a chart draws at most 12; they are in result.json");
    }

    @Test
    void leavesOutAHistogramOfMoreBucketsThanTheCodecDecodesAndSaysWhy() {
        Histogram fine = new Histogram(1, 1L << 40, 4);
        fine.recordValue(1_000);

        PercentileCurves curves = PercentileCurves.of(List.of(LatencyHistogram.of("fine", "us", fine)));

        assertThat(curves.curves()).isEmpty();
        assertThat(curves.left()).singleElement().asString().startsWith("fine: the stored histogram cannot be"
                + " decoded (a histogram of 458752 buckets, more than the 65536 this tool decodes");
    }

    @Test
    void placesTheKeyPercentilesAtWholeDecades() {
        assertThat(PercentileCurves.xOf(90)).isCloseTo(1, within(1e-12));
        assertThat(PercentileCurves.xOf(99.9)).isCloseTo(3, within(1e-9));
        assertThat(PercentileCurves.xOf(0)).isZero();
    }
}
