package io.clusterbench.probe.http;

import io.clusterbench.spec.LoadProfile;
import java.time.Duration;

/**
 * When each request of an open load is due: evenly spaced at a fixed rate (as wrk2), or along a continuous ramp
 * whose rate rises linearly with time, request k then being due where the ramp's integrated rate reaches k
 * ({@link LoadProfile#secondsAtArrivals}, shared with the openai probe's ramp).
 */
interface Pace {

    /** When request {@code k} (from 0, warm-up included) is due, in nanoseconds from the start of the schedule. */
    long offsetNanos(long k);

    /** How many requests are due before {@code nanos} from the start (those with an offset below it). */
    long dueBefore(long nanos);

    /** {@code rate} requests a second, evenly spaced. */
    static Pace fixed(double rate) {
        double interval = 1e9 / rate;
        return new Pace() {
            @Override
            public long offsetNanos(long k) {
                return (long) (k * interval);
            }

            @Override
            public long dueBefore(long nanos) {
                return (long) Math.ceil(nanos / interval);
            }
        };
    }

    /**
     * A continuous ramp after a warm-up at its first rate: the requests due within {@code warmup} at the ramp's
     * {@code from} rate, then the ramp, starting when the last warm-up interval ends.
     */
    static Pace ramp(LoadProfile ramp, Duration warmup) {
        double from = ramp.levels().get(0).value();
        long warmups = (long) Math.ceil(warmup.toNanos() / 1e9 * from);
        double rampStart = warmups / from;
        return new Pace() {
            @Override
            public long offsetNanos(long k) {
                double seconds = k < warmups ? k / from : rampStart + ramp.secondsAtArrivals(k - warmups);
                return (long) (seconds * 1e9);
            }

            @Override
            public long dueBefore(long nanos) {
                double seconds = nanos / 1e9;
                if (seconds <= rampStart) {
                    return (long) Math.ceil(seconds * from);
                }
                return warmups + (long) Math.ceil(ramp.arrivalsBy(seconds - rampStart) - 1e-9);
            }
        };
    }
}
