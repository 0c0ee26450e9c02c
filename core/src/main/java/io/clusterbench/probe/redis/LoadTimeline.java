package io.clusterbench.probe.redis;

import io.clusterbench.probe.TimelineRecorder;
import io.clusterbench.probe.TimelineSampler;
import io.clusterbench.result.TimelineRound;
import io.clusterbench.spec.LoadProfile;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The timeline of one redis load, whether it runs as one {@link RedisLoad} or as the levels of a
 * {@link ProfiledLoad} one after another: one {@link TimelineSampler} for the whole load, so that a profile's steps
 * show as one timeline as the http probe's do.
 *
 * <p>Load thread number {@code t} writes the records of number {@code t} ({@link TimelineRecorder#forOneThread()}),
 * so the hot path takes no lock and shares no counter. A profile's next level reuses them with new threads: that
 * keeps one writer at a time, since a level's threads have all ended (joined) before the next level's start.
 *
 * <p>Only the thread that runs the load calls {@link #start()}, {@link #measuringFrom} and {@link #finish()}.
 */
final class LoadTimeline {
    private final Clock clock;
    private final String threadName;
    private final boolean warmup;
    private final List<TimelineRecorder> warmupRecords = new ArrayList<>();
    private final List<TimelineRecorder> measuredRecords = new ArrayList<>();
    private TimelineSampler sampler;
    private boolean measuring;

    private LoadTimeline(Clock clock, String threadName, int threads, boolean warmup) {
        this.clock = clock;
        this.threadName = threadName;
        this.warmup = warmup;
        for (int t = 0; t < threads; t++) {
            warmupRecords.add(TimelineRecorder.forOneThread());
            measuredRecords.add(TimelineRecorder.forOneThread());
        }
    }

    /** A timeline with records for the most threads any level of the load drives. */
    static LoadTimeline of(RedisSettings settings, Clock clock, String threadName) {
        int threads = RedisLoad.threadCount(settings);
        if (settings.profile().isPresent()) {
            List<LoadProfile.Level> levels = settings.profile().get().levels();
            for (int i = 0; i < levels.size(); i++) {
                threads = Math.max(threads, RedisLoad.threadCount(settings.atLevel(levels.get(i), i == 0)));
            }
        }
        return new LoadTimeline(clock, threadName + "-timeline", threads, !settings.warmup().isZero());
    }

    /** The warm-up's record of load thread {@code thread}. */
    TimelineRecorder warmup(int thread) {
        return warmupRecords.get(thread);
    }

    /** The measured part's record of load thread {@code thread}. */
    TimelineRecorder measured(int thread) {
        return measuredRecords.get(thread);
    }

    /** Starts the timeline now, the start of the load, unless an earlier level already did. */
    void start() {
        if (sampler == null) {
            sampler = TimelineSampler.start(clock, threadName,
                    warmup ? TimelineRecorder.sum(warmupRecords) : null, TimelineRecorder.sum(measuredRecords));
        }
    }

    /** Marks the end of the warm-up (or the start, without one); only the load's first level has it. */
    void measuringFrom(long nanos) {
        if (!measuring) {
            measuring = true;
            sampler.measuringFrom(nanos);
        }
    }

    /** Stops the timeline once the whole load has ended and returns it; empty when no level ever started. */
    TimelineRound finish() {
        start();
        return sampler.finish();
    }
}
