package io.clusterbench.probe;

import io.clusterbench.result.TimelinePoint;
import io.clusterbench.result.TimelineRound;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads a running load once per second, and once more where its warm-up ends, into the points of a timeline: one
 * thread that sleeps between readings, so the load's threads never wait for it and never share a lock with it.
 *
 * <p>Usage, around a load:
 * <pre>{@code
 * TimelineSampler sampler = TimelineSampler.start(clock, "name-timeline", warmupSource, measuredSource);
 * sampler.measuringFrom(System.nanoTime() + warmup.toNanos()); // now, or when the warm-up ends
 * TimelineRound round = sampler.finish(); // after the load's last request ended
 * }</pre>
 *
 * <p>Each point lasts from one reading to the next as they actually happened (about a second; shorter at the end of
 * the warm-up and of the load), so a late wake-up shifts a boundary but never miscounts a rate.
 */
public final class TimelineSampler {
    private static final long SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);
    /**
     * A second's boundary this close to the warm-up's end is skipped: a point of a few milliseconds would show its
     * handful of answers as a huge rate.
     */
    private static final long SHORTEST_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Optional<TimelineSource> warmup;
    private final TimelineSource measured;
    private final long startNanos;
    private final Instant startedAt;
    private final Thread ticker;
    private final List<TimelinePoint> points = new ArrayList<>();
    /** When the warm-up ended, as {@link System#nanoTime()}; {@link Long#MAX_VALUE} while it lasts. */
    private volatile long measuredFrom = Long.MAX_VALUE;
    private volatile boolean finished;
    /** Whether the reading at the warm-up's end has been taken (from the start for a load without warm-up). */
    private volatile boolean warmupOver;
    /** The time of the previous reading; guarded by this. */
    private long lastReading;
    /** Where the warm-up's last point is in {@link #points}, once the warm-up has ended; -1 before. */
    private int warmupTail = -1;

    private TimelineSampler(Clock clock, String threadName, Optional<TimelineSource> warmup,
            TimelineSource measured) {
        this.warmup = warmup;
        this.measured = measured;
        this.startedAt = clock.instant();
        this.startNanos = System.nanoTime();
        this.lastReading = startNanos;
        this.warmupOver = warmup.isEmpty();
        this.ticker = new Thread(this::tick, threadName);
        ticker.setDaemon(true);
    }

    /**
     * Starts reading now, which is the start of the load and of its timeline.
     *
     * @param warmup the warm-up's source, or null for a load without one
     * @param measured the measured part's source
     */
    public static TimelineSampler start(Clock clock, String threadName, TimelineSource warmup,
            TimelineSource measured) {
        TimelineSampler sampler = new TimelineSampler(clock, threadName, Optional.ofNullable(warmup), measured);
        sampler.ticker.start();
        return sampler;
    }

    /**
     * Marks the end of the warm-up at {@code nanos} ({@link System#nanoTime()}, now or later): a reading is taken
     * there too, so no point mixes the two phases' time. A load whose warm-up has no set length (a number of
     * requests) calls it with now once the warm-up is over, and may start its measured part as soon as it returns:
     * it waits for a reading under way, so no measured request can slip into a reading that missed the cut.
     */
    public synchronized void measuringFrom(long nanos) {
        measuredFrom = nanos;
        if (!warmupOver && nanos - lastReading <= 0) {
            // A second's reading was taken between the caller's clock read and this call: the warm-up ended there,
            // since no measured request has started yet. Waiting for a cut after it would leave the cut for the
            // next second's reading, which would then take the warm-up alone and push this second's measured
            // requests into the point after.
            endWarmup();
        }
        LockSupport.unpark(ticker);
    }

    /**
     * Stops reading, takes the last reading now, and returns the points as round 1 of a plain benchmark (a merge of
     * rounds gives each its place and condition). Call it once the load's requests have all ended.
     */
    public TimelineRound finish() {
        finished = true;
        LockSupport.unpark(ticker);
        boolean interrupted = false;
        while (ticker.isAlive()) {
            try {
                ticker.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            read(false);
            return new TimelineRound(1, "", startedAt, points);
        }
    }

    private void tick() {
        long second = 1;
        while (!finished) {
            long last = lastReadingNow();
            while (startNanos + second * SECOND_NANOS - last < SHORTEST_NANOS) {
                second++;
            }
            long nextSecond = startNanos + second * SECOND_NANOS;
            long cut = measuredFrom;
            // A warm-up that ends just after a second's boundary ends that second instead: no sliver of a point.
            boolean cutPending = !warmupOver && cut != Long.MAX_VALUE && cut - last > 0
                    && cut - nextSecond < SHORTEST_NANOS;
            long next = cutPending ? cut : nextSecond;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                // Woken early by measuringFrom or finish: the loop looks again.
                LockSupport.parkNanos(this, wait);
                continue;
            }
            synchronized (this) {
                read(cutPending || (!warmupOver && System.nanoTime() - measuredFrom >= 0));
            }
        }
    }

    private synchronized long lastReadingNow() {
        return lastReading;
    }

    /**
     * One reading of both phases, as the points of the time since the previous reading; at the warm-up's end only
     * the warm-up is read, since no measured request starts before it. Guarded by this.
     */
    private void read(boolean atWarmupEnd) {
        double atS = (lastReading - startNanos) / 1e9;
        Optional<TimelineSource.Interval> warming = warmup.map(TimelineSource::take);
        Optional<TimelineSource.Interval> measuring = atWarmupEnd ? Optional.empty() : Optional.of(measured.take());
        // Taken after the readings, so that the point's time covers everything they counted.
        long now = System.nanoTime();
        double lengthS = Math.max(now - lastReading, 1) / 1e9;
        warming.ifPresent(interval -> {
            if (warmupOver && warmupTail >= 0) {
                // Answers to warm-up requests still in flight when it ended: its last point, not a measured second.
                points.set(warmupTail, points.get(warmupTail).counting(point(interval, atS, lengthS, true)));
            } else if (!interval.isEmpty()) {
                points.add(point(interval, atS, lengthS, true));
            }
        });
        measuring.filter(interval -> !interval.isEmpty())
                .ifPresent(interval -> addMeasured(point(interval, atS, lengthS, false)));
        if (atWarmupEnd) {
            endWarmup();
        }
        lastReading = now;
    }

    /** From here on, warm-up answers join the warm-up's last point. Guarded by this. */
    private void endWarmup() {
        warmupOver = true;
        warmupTail = lastIndexOfWarmup();
    }

    /**
     * Adds a measured point; a sliver (the load's end just after a reading) joins the point before it, since a few
     * answers in a few milliseconds would draw as a huge rate.
     */
    private void addMeasured(TimelinePoint point) {
        int last = points.size() - 1;
        if (point.lengthS() < SHORTEST_NANOS / 1e9 && last >= 0 && !points.get(last).warmup()
                && Math.abs(points.get(last).endS() - point.atS()) < 1e-9) {
            points.set(last, points.get(last).joinedWith(point));
        } else {
            points.add(point);
        }
    }

    private int lastIndexOfWarmup() {
        for (int i = points.size() - 1; i >= 0; i--) {
            if (points.get(i).warmup()) {
                return i;
            }
        }
        return -1;
    }

    private static TimelinePoint point(TimelineSource.Interval interval, double atS, double lengthS,
            boolean warming) {
        boolean answered = interval.answers() > 0;
        return new TimelinePoint(atS, lengthS, warming, interval.offered(), interval.achieved(), interval.errors(),
                answered ? interval.p50Ms() : null, answered ? interval.p99Ms() : null);
    }
}
