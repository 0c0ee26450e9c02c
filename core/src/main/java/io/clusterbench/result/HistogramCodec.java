package io.clusterbench.result;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * Turns HdrHistograms into text for {@code result.json} and back, without losing a single count.
 *
 * <p>The text is HdrHistogram's own compressed encoding in base64, the format its log tools read, so that
 * results written on several machines can be merged exactly ({@link Histogram#add}) rather than by averaging
 * percentiles.
 */
public final class HistogramCodec {

    private HistogramCodec() {
    }

    /** Encodes a histogram as base64 of its compressed encoding. */
    public static String encode(AbstractHistogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Decodes what {@link #encode} wrote.
     *
     * @throws IllegalArgumentException when the text is not base64 of a compressed HdrHistogram
     */
    public static Histogram decode(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not a base64 compressed HdrHistogram: " + e.getMessage(), e);
        }
    }
}
