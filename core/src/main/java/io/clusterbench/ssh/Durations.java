package io.clusterbench.ssh;

import java.time.Duration;

/** Short human spellings of durations for messages: {@code 1 s}, {@code 250 ms}, {@code 2 min}. */
final class Durations {

    private Durations() {
    }

    static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0 && millis >= 60_000) {
            return millis / 60_000 + " min";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return millis + " ms";
    }
}
