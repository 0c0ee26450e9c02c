package io.clusterbench.probe.openai;

import io.clusterbench.spec.LoadProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The measured requests' send times, and which of them each level of a load profile holds. Without a profile:
 * {@code requests} at {@code requestRate} ({@link ArrivalSchedule}). With steps or a ramp's stairs: each level
 * sends {@code rate x length} requests (at least one) on a schedule of its own at its rate, starting when the
 * level starts, one level right after the other (the requests of a level still in flight overlap the next, as a
 * server sees a changing rate). A continuous ramp draws the gaps of a unit-rate schedule (the same gamma gaps, so
 * {@code burstiness} keeps its meaning) and places arrival k where the ramp's integrated rate reaches it
 * ({@link LoadProfile#secondsAtArrivals}), so the rate at every moment is the ramp's.
 *
 * @param offsets send times in seconds from the start of the load, in order
 * @param levels the profile's levels, in order; empty without a profile and for a continuous ramp
 */
record ArrivalPlan(double[] offsets, List<Level> levels) {

    /**
     * One level's requests.
     *
     * @param first the index of its first request
     * @param count how many it sends
     * @param startSeconds when it starts, from the start of the load
     * @param rate its request rate
     */
    record Level(int first, int count, double startSeconds, double rate) {
    }

    ArrivalPlan {
        levels = List.copyOf(levels);
    }

    static ArrivalPlan of(OpenAiSettings settings, Optional<LoadProfile> profile) {
        if (profile.isEmpty()) {
            return new ArrivalPlan(ArrivalSchedule.offsets(settings.requests(), settings.requestRate(),
                    settings.burstiness(), settings.seed()), List.of());
        }
        return of(profile.get(), settings.burstiness(), settings.seed());
    }

    /** The plan of a profile's requests, with gaps drawn as {@link ArrivalSchedule} draws them. */
    static ArrivalPlan of(LoadProfile profile, double burstiness, long seed) {
        if (profile.continuous()) {
            return continuous(profile, burstiness, seed);
        }
        List<Level> levels = new ArrayList<>();
        List<double[]> parts = new ArrayList<>();
        double start = 0;
        int first = 0;
        for (int i = 0; i < profile.levels().size(); i++) {
            LoadProfile.Level level = profile.levels().get(i);
            double seconds = level.length().toNanos() / 1e9;
            int count = Math.toIntExact(Math.max(1, Math.round(level.value() * seconds)));
            // Each level's schedule from a seed of its own, so that adding a level leaves the earlier ones as they were.
            parts.add(ArrivalSchedule.offsets(count, OptionalDouble.of(level.value()), burstiness, seed + i));
            levels.add(new Level(first, count, start, level.value()));
            first += count;
            start += seconds;
        }
        double[] offsets = new double[first];
        for (int i = 0; i < levels.size(); i++) {
            double[] part = parts.get(i);
            for (int k = 0; k < part.length; k++) {
                offsets[levels.get(i).first() + k] = levels.get(i).startSeconds() + part[k];
            }
        }
        return new ArrivalPlan(offsets, levels);
    }

    private static ArrivalPlan continuous(LoadProfile ramp, double burstiness, long seed) {
        int count = Math.toIntExact(ramp.continuousArrivals());
        double[] unit = ArrivalSchedule.offsets(count, OptionalDouble.of(1.0), burstiness, seed);
        double[] offsets = new double[count];
        for (int k = 0; k < count; k++) {
            offsets[k] = ramp.secondsAtArrivals(unit[k]);
        }
        return new ArrivalPlan(offsets, List.of());
    }

    int requests() {
        return offsets.length;
    }
}
