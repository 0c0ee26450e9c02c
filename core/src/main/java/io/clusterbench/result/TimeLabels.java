package io.clusterbench.result;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Labels for a time axis in UTC that tell the labelled instants apart: runs on one day get the date once and the
 * time of day on every label ({@code 2026-01-05 14:03}, {@code 14:25}, ...), with seconds when minutes would repeat;
 * runs over a few days get date and time; runs over weeks get dates. A trend of runs all on one day never labels
 * both ends of its axis with the same date.
 */
public final class TimeLabels {

    /** The unit every time axis names: its labels are in UTC. */
    public static final String ZONE = "UTC";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private TimeLabels() {
    }

    /** One label per instant (ascending), in the same order. */
    public static List<String> of(List<Instant> instants) {
        if (instants.isEmpty()) {
            return List.of();
        }
        Instant first = instants.get(0);
        Instant last = instants.get(instants.size() - 1);
        boolean oneDay = DATE.format(first).equals(DATE.format(last));
        if (oneDay) {
            boolean seconds = !distinct(instants, MINUTES);
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < instants.size(); i++) {
                labels.add((i == 0 ? (seconds ? DATE_SECONDS : DATE_TIME) : (seconds ? SECONDS : MINUTES))
                        .format(instants.get(i)));
            }
            return labels;
        }
        DateTimeFormatter format = Duration.between(first, last).toDays() > 7 && distinct(instants, DATE) ? DATE
                : distinct(instants, DATE_TIME) ? DATE_TIME : DATE_SECONDS;
        return instants.stream().map(format::format).toList();
    }

    private static boolean distinct(List<Instant> instants, DateTimeFormatter format) {
        for (int i = 1; i < instants.size(); i++) {
            if (format.format(instants.get(i)).equals(format.format(instants.get(i - 1)))) {
                return false;
            }
        }
        return true;
    }
}
