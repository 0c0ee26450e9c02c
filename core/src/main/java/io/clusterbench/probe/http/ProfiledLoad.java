package io.clusterbench.probe.http;

import io.clusterbench.control.StopSignal;
import io.clusterbench.probe.MeasurementBuilder;
import io.clusterbench.probe.TimelineSampler;
import io.clusterbench.spec.LoadProfile;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A load that follows a {@link LoadProfile}: each level is an open load at its rate or a closed load at its
 * concurrency, for its length, one after another (each on its own connections; the warm-up only before the first).
 * Every request counts in the whole load's tally and in its level's, whose metrics are published as
 * {@code stepN.}name with the level's value ({@code stepN.rate} or {@code stepN.concurrency}) and length
 * ({@code stepN.s}), so that a reader sees each level.
 *
 * @param plan what each request sends and its timeout
 * @param profile the levels
 * @param warmup how long to send before the first level, at its level
 * @param maxInFlight the open model's bound on requests in flight
 * @param whole where every measured answer is counted
 * @param warmupTally where every answer of the warm-up is counted
 * @param measurement where the levels' metrics go
 * @param stop ends the load early, between or within levels
 * @param threadName the prefix of the load threads' names
 */
record ProfiledLoad(RequestPlan plan, LoadProfile profile, Duration warmup, int maxInFlight, Tally whole,
        Tally warmupTally, MeasurementBuilder measurement, StopSignal stop, String threadName) {

    /**
     * Runs every level, or until the stop signal, and returns the whole load's times.
     *
     * @param timeline samples the whole load's tally; told when the measured part begins (only the first level's
     *     start counts: once the warm-up is over, later calls change nothing)
     */
    LoadTimes run(TimelineSampler timeline) {
        if (profile.continuous()) {
            // One open load whose rate rises with time: no levels to report, the timeline shows the rise.
            return new OpenLoad(plan, Pace.ramp(profile, warmup), new LoadLimit(OptionalLong.empty(),
                    profile.length()), warmup, maxInFlight, whole, warmupTally, stop, threadName).run(timeline);
        }
        boolean open = profile.knob().equals("rate");
        double elapsed = 0;
        double sending = 0;
        double warmupSeconds = 0;
        for (int i = 0; i < profile.levels().size() && !stop.raised(); i++) {
            LoadProfile.Level level = profile.levels().get(i);
            String prefix = "step" + (i + 1) + ".";
            Tally tally = whole.level(prefix);
            LoadLimit limit = new LoadLimit(OptionalLong.empty(), level.length());
            Duration levelWarmup = i == 0 ? warmup : Duration.ZERO;
            String name = threadName + "-step" + (i + 1);
            LoadTimes times = open
                    ? new OpenLoad(plan, level.value(), limit, levelWarmup, maxInFlight, tally, warmupTally, stop,
                            name).run(timeline)
                    : new ClosedLoad(plan, (int) level.value(), limit, levelWarmup, tally, warmupTally, stop, name)
                            .run(timeline);
            elapsed += times.elapsedSeconds();
            sending += Math.max(0, times.sendingSeconds());
            warmupSeconds += times.warmupSeconds();
            if (times.elapsedSeconds() > 0) {
                measurement.metric(prefix + profile.knob(), level.value(), open ? "req/s" : "connections");
                measurement.metric(prefix + "s", times.elapsedSeconds(), "s");
                tally.publish(times.elapsedSeconds(), open ? times.sendingSeconds() : -1);
            }
        }
        return new LoadTimes(elapsed, open ? sending : -1, warmupSeconds);
    }
}
