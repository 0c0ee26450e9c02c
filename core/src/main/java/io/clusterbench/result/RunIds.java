package io.clusterbench.result;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Run ids that sort by start time and never collide: {@code 20261129T143200Z-9f2c1a}. */
public final class RunIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    /** A new id for a run that started at the given instant. */
    public static String next(Instant startedAt) {
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        return STAMP.format(startedAt) + "-" + HexFormat.of().formatHex(suffix);
    }
}
