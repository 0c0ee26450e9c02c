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
