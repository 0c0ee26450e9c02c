package io.clusterbench.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HistogramCodecTest {

    @Test
    void decodesEveryCountExactlyAsRecorded() {
        Histogram recorded = randomLatencies(42, 100_000);

        Histogram decoded = HistogramCodec.decode(HistogramCodec.encode(recorded));

        assertThat(decoded.getTotalCount()).isEqualTo(100_000);
        assertThat(decoded).isEqualTo(recorded);
        assertThat(decoded.getValueAtPercentile(99.9)).isEqualTo(recorded.getValueAtPercentile(99.9));
        assertThat(decoded.getMaxValue()).isEqualTo(recorded.getMaxValue());
    }

    @Test
    void mergesHistogramsFromSeveralMachinesWithoutLoss() {
        Histogram first = randomLatencies(1, 30_000);
        Histogram second = randomLatencies(2, 70_000);
        Histogram expected = first.copy();
        expected.add(second);

        Histogram merged = HistogramCodec.decode(HistogramCodec.encode(first));
        merged.add(HistogramCodec.decode(HistogramCodec.encode(second)));

        assertThat(merged.getTotalCount()).isEqualTo(100_000);
        assertThat(merged).isEqualTo(expected);
    }

    @Test
    void roundTripsAnEmptyHistogram() {
        Histogram empty = new Histogram(3);

        assertThat(HistogramCodec.decode(HistogramCodec.encode(empty)).getTotalCount()).isZero();
    }

    @Test
    void refusesTextThatIsNotAnEncodedHistogram() {
        assertThatThrownBy(() -> HistogramCodec.decode("bm90IGEgaGlzdG9ncmFt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a base64 compressed HdrHistogram");
    }

    @Test
    void refusesAHistogramOfMillionsOfBucketsFromItsHeaderBeforeAllocatingThem() {
        // 100 bytes of text that would decode into 6 million buckets (48 MB), 400 times in one result.json.
        String huge = HistogramCodec.encode(new Histogram(Long.MAX_VALUE / 2, 5));
        assertThat(huge).hasSizeLessThan(200);

        assertThatThrownBy(() -> HistogramCodec.decode(huge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a histogram of 6029312 buckets, more than the 65536 this tool decodes (clusterbench"
                        + " writes histograms of 3 significant digits, 23552 buckets)");
    }

    @Test
    void countsTheBucketsOfTheHeaderAsHdrHistogramSizesItsArray() throws Exception {
        long[][] shapes = {{1, 3_600_000_000L, 3}, {1, Long.MAX_VALUE / 2, 3}, {1, Long.MAX_VALUE, 3},
            {1000, 3_600_000_000_000L, 2}, {1, 1L << 20, 4}, {3, 1L << 24, 5}, {1, 2, 0}, {1 << 20, 1L << 50, 3}};
        for (long[] shape : shapes) {
            Histogram histogram = new Histogram(shape[0], shape[1], (int) shape[2]);
            byte[] bytes = java.util.Base64.getDecoder().decode(HistogramCodec.encode(histogram));

            // Histogram's footprint is 512 bytes plus 8 per bucket.
            assertThat(HistogramCodec.declaredCounts(bytes)).as(java.util.Arrays.toString(shape))
                    .isEqualTo((histogram.getEstimatedFootprintInBytes() - 512) / 8);
        }
        assertThat(HistogramCodec.declaredCounts(java.util.Base64.getDecoder().decode(
                HistogramCodec.encode(new Histogram(3_600_000_000L, 3))))).isEqualTo(23_552);
    }

    static Histogram randomLatencies(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        for (int i = 0; i < count; i++) {
            // A long-tailed shape like real latencies: mostly ~200 us, a few tens of ms.
            long micros = random.nextInt(100) < 99 ? 100 + random.nextInt(300) : 5_000 + random.nextInt(50_000);
            histogram.recordValue(micros);
        }
        return histogram;
    }
}
