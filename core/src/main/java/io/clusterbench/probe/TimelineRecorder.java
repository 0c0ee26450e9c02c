package io.clusterbench.probe;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntervalHistogramProvider;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.SingleWriterRecorder;
import org.HdrHistogram.ValueRecorder;

/**
 * What one phase of a load did, kept only for its timeline: requests offered, answers as expected with their
 * latency, and failures. A {@link TimelineSampler} takes it once a second; the load's threads never wait for that,
 * since HdrHistogram's recorders swap their histograms without a lock and the counters are {@link LongAdder}s.
 *
 * <p>A load whose threads each keep their own record (the redis probe, some 10^5 commands a second) gives each thread
 * one {@link #forOneThread()} and reads them together through {@link #sum}; a load with a thread per request (the
 * openai probe) or one thread in all (the chroma probe) shares one {@link #forAnyThreads()}.
 */
public final class TimelineRecorder implements TimelineSource {
    /** An hour in microseconds: anything slower is recorded as an hour rather than lost. */
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final ValueRecorder latencies;
    private final IntervalHistogramProvider<Histogram> intervals;
    private final LongAdder offered = new LongAdder();
    private final LongAdder achieved = new LongAdder();
    private final LongAdder errors = new LongAdder();
    /** The recorder's last interval histogram, handed back to it for reuse; guarded by this. */
    private Histogram interval;
    /** The counts at the previous reading; guarded by this. */
    private long offeredBefore;
    private long achievedBefore;
    private long errorsBefore;

    private <R extends ValueRecorder & IntervalHistogramProvider<Histogram>> TimelineRecorder(R recorder) {
        this.latencies = recorder;
        this.intervals = recorder;
    }

    /** A record written by one thread only: its latencies cost one uncontended atomic add each, never a lock. */
    public static TimelineRecorder forOneThread() {
        return new TimelineRecorder(new SingleWriterRecorder(HIGHEST_MICROS, 3));
    }

    /** A record that any number of threads may write at once. */
    public static TimelineRecorder forAnyThreads() {
        return new TimelineRecorder(new Recorder(HIGHEST_MICROS, 3));
    }

    /** Counts {@code count} requests (commands, queries) the load started. */
    public void offered(long count) {
        offered.add(count);
    }

    /** Counts {@code count} answers as expected, each with this latency in ns. */
    public void achieved(long latencyNanos, long count) {
        if (count == 0) {
            return;
        }
        latencies.recordValueWithCount(Math.min(HIGHEST_MICROS, Math.max(0, latencyNanos / 1000)), count);
        achieved.add(count);
    }

    /** Counts {@code count} requests that failed (an error reply, a lost connection, a timeout). */
    public void failed(long count) {
        errors.add(count);
    }

    @Override
    public synchronized Interval take() {
        interval = intervals.getIntervalHistogram(interval);
        // Without a lock, an answer recorded during this reading may have its latency here and its count in the next
        // reading (or the other way round); each count and each latency is still in exactly one reading.
        long offeredNow = offered.sum();
        long achievedNow = achieved.sum();
        long errorsNow = errors.sum();
        Interval reading = Interval.of(offeredNow - offeredBefore, achievedNow - achievedBefore,
                errorsNow - errorsBefore, interval);
        offeredBefore = offeredNow;
        achievedBefore = achievedNow;
        errorsBefore = errorsNow;
        return reading;
    }

    /** The records of several threads of one phase, read as one: counts added, latencies merged. */
    public static TimelineSource sum(List<TimelineRecorder> recorders) {
        List<TimelineRecorder> all = List.copyOf(recorders);
        Histogram merged = new Histogram(HIGHEST_MICROS, 3);
        return () -> {
            // Only the sampler's one thread calls this, so the merged histogram needs no guard.
            merged.reset();
            long offeredSum = 0;
            long achievedSum = 0;
            long errorsSum = 0;
            for (TimelineRecorder recorder : all) {
                synchronized (recorder) {
                    Interval part = recorder.take();
                    merged.add(recorder.interval);
                    offeredSum += part.offered();
                    achievedSum += part.achieved();
                    errorsSum += part.errors();
                }
            }
            return Interval.of(offeredSum, achievedSum, errorsSum, merged);
        };
    }
}
