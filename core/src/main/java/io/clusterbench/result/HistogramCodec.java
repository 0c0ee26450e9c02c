package io.clusterbench.result;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * Turns HdrHistograms into text for {@code result.json} and back, without losing a single count.
 *
 * <p>The text is HdrHistogram's own compressed encoding in base64, the format its log tools read, so that
 * results written on several machines can be merged exactly ({@link Histogram#add}) rather than by averaging
 * percentiles.
 *
 * <p>A decoded histogram holds one count per bucket, and the encoding only names the range and precision: 100
 * bytes of text can ask for 6 million buckets (48 MiB). So {@link #decode} reads the header first and refuses a
 * histogram of more than {@link #MAX_COUNTS} buckets before allocating it.
 */
public final class HistogramCodec {

    /**
     * The most buckets decoded: every histogram of 3 significant digits fits (clusterbench's, from 1 us to an hour,
     * have 23,552; the widest range of 3 digits needs 56,320), so only a finer one from elsewhere is refused.
     */
    public static final int MAX_COUNTS = 65_536;

    /** The start of the inflated encoding that names the range: cookie, length, offset, digits, lowest, highest. */
    private static final int HEADER_BYTES = 32;
    /** The cookie of HdrHistogram's oldest compressed format (V0), whose header is cookie, digits, lowest, highest. */
    private static final int V0_COMPRESSED_COOKIE_BASE = 0x1c849309;

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
        byte[] bytes;
        long counts;
        try {
            bytes = Base64.getDecoder().decode(base64);
            counts = declaredCounts(bytes);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not a base64 compressed HdrHistogram: " + e.getMessage(), e);
        }
        if (counts > MAX_COUNTS) {
            throw new IllegalArgumentException("a histogram of " + counts + " buckets, more than the " + MAX_COUNTS
                    + " this tool decodes (clusterbench writes histograms of 3 significant digits, 23552 buckets)");
        }
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not a base64 compressed HdrHistogram: " + e.getMessage(), e);
        }
    }

    /**
     * The number of buckets the encoded histogram's header asks for, computed as HdrHistogram sizes its counts
     * array; 0 when the header is not one HdrHistogram would accept (decoding then refuses it without allocating).
     */
    static long declaredCounts(byte[] compressed) throws DataFormatException {
        ByteBuffer outer = ByteBuffer.wrap(compressed);
        boolean v0 = (outer.getInt() & ~0xf0) == V0_COMPRESSED_COOKIE_BASE; // any other cookie HdrHistogram checks
        int length = outer.getInt();
        if (length < 0 || length > compressed.length - 8) {
            return 0;
        }
        Inflater inflater = new Inflater();
        byte[] header = new byte[HEADER_BYTES];
        try {
            inflater.setInput(compressed, 8, length);
            if (inflater.inflate(header) < HEADER_BYTES) {
                return 0;
            }
        } finally {
            inflater.end();
        }
        ByteBuffer fields = ByteBuffer.wrap(header);
        int digits = fields.getInt(v0 ? 4 : 12);
        long lowest = fields.getLong(v0 ? 8 : 16);
        long highest = fields.getLong(v0 ? 16 : 24);
        if (digits < 0 || digits > 5 || lowest < 1 || highest < 2 * lowest) {
            return 0;
        }
        // The same arithmetic as AbstractHistogram's constructor, so the count is the array it would allocate.
        int unitMagnitude = (int) Math.floor(Math.log(lowest) / Math.log(2));
        int subBucketCountMagnitude = (int) Math.ceil(Math.log(2 * Math.pow(10, digits)) / Math.log(2));
        int subBucketHalfCountMagnitude = Math.max(subBucketCountMagnitude, 1) - 1;
        if (unitMagnitude + subBucketHalfCountMagnitude > 61) {
            return 0;
        }
        long subBucketCount = 1L << (subBucketHalfCountMagnitude + 1);
        long smallestUntrackable = subBucketCount << unitMagnitude;
        long buckets = 1;
        while (smallestUntrackable <= highest) {
            if (smallestUntrackable > Long.MAX_VALUE / 2) {
                buckets++;
                break;
            }
            smallestUntrackable <<= 1;
            buckets++;
        }
        return (buckets + 1) * (subBucketCount / 2);
    }
}
