package io.clusterbench.result;

import java.util.Optional;

/**
 * A probe's two error counts, named apart so that a headline never contradicts its metric: the {@code errors} metric
 * counts failed requests or commands, while the error log counts every error event (each failed request, and also
 * each failed reconnect, a client giving up, a failed cleanup), so that a server killed half-way shows, say, 20
 * failed commands and 101 error events.
 *
 * @param failed the probe's {@code errors} metric, when it has one
 * @param events occurrences of every error in its log, summed over their counts
 */
public record ErrorTally(Optional<Long> failed, long events) {

    /** The tally of one measurement. */
    public static ErrorTally of(ProbeMeasurement probe) {
        Optional<Long> failed = probe.metrics().stream().filter(metric -> metric.name().equals("errors"))
                .findFirst().map(metric -> Math.round(metric.value()));
        return new ErrorTally(failed, probe.errors().stream().mapToLong(ProbeError::count).sum());
    }

    /**
     * One line for a headline: {@code errors 20, 101 error events} (the metric under its own name, then the events
     * when they differ), {@code errors 20} when they agree, {@code 3 error events} without the metric, or empty when
     * there is nothing to say.
     */
    public Optional<String> headline() {
        String eventWords = events + (events == 1 ? " error event" : " error events");
        if (failed.isEmpty()) {
            return events > 0 ? Optional.of(eventWords) : Optional.empty();
        }
        long count = failed.get();
        if (count == 0 && events == 0) {
            return Optional.empty();
        }
        return Optional.of("errors " + count + (count == events ? "" : ", " + eventWords));
    }
}
