package io.clusterbench.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names one probe of a spec can produce (without the probe id): exact names, and patterns with one free
 * part for names the run decides, such as {@code status_NNN} for each HTTP status seen. Objectives and trend
 * metrics are checked against them, so a typo is refused before a run rather than judged NODATA after it.
 */
public final class MetricNames {

    /**
     * The statistics every probe writes of a latency histogram, after the histogram's prefix ({@code get.} gives
     * {@code get.p99_ms}); the names {@code LatencyMetrics} gives them.
     */
    public static final List<String> LATENCY_STATS =
            List.of("mean_ms", "median_ms", "p50_ms", "p90_ms", "p95_ms", "p99_ms", "p999_ms", "max_ms");

    /** Names with one part the run decides: prefix, then a match of {@code free}, then suffix. */
    private record Free(String prefix, Pattern free, String suffix, String shown) {
        boolean matches(String name) {
            if (!name.startsWith(prefix) || !name.endsWith(suffix)
                    || name.length() < prefix.length() + suffix.length()) {
                return false;
            }
            return free.matcher(name.substring(prefix.length(), name.length() - suffix.length())).matches();
        }

        /** The name this pattern would give for the free part {@code name} starts with, to suggest it. */
        Optional<String> completing(String name) {
            if (!name.startsWith(prefix)) {
                return Optional.empty();
            }
            Matcher m = free.matcher(name).region(prefix.length(), name.length());
            return m.lookingAt() ? Optional.of(prefix + m.group() + suffix) : Optional.empty();
        }
    }

    private final Set<String> names;
    private final List<Free> patterns;

    private MetricNames(Set<String> names, List<Free> patterns) {
        this.names = names;
        this.patterns = patterns;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether a probe could produce a metric called {@code name}. */
    public boolean accepts(String name) {
        return names.contains(name) || patterns.stream().anyMatch(p -> p.matches(name));
    }

    /** The name {@code name} is probably a typo of, if one is close. */
    public Optional<String> closest(String name) {
        List<String> candidates = new ArrayList<>(names);
        patterns.forEach(p -> p.completing(name).ifPresent(candidates::add));
        return Suggestions.closest(name, candidates);
    }

    /** Every exact name, then each pattern as docs/probes.md writes it (such as {@code status_NNN}). */
    public List<String> shown() {
        List<String> shown = new ArrayList<>(names);
        patterns.forEach(p -> shown.add(p.shown()));
        return shown;
    }

    /** Collects names in the order the probe writes them. */
    public static final class Builder {
        private final Set<String> names = new LinkedHashSet<>();
        private final List<Free> patterns = new ArrayList<>();

        private Builder() {
        }

        public Builder name(String... added) {
            names.addAll(List.of(added));
            return this;
        }

        public Builder names(Collection<String> added) {
            names.addAll(added);
            return this;
        }

        /** {@code prefix} followed by each of {@code names}, such as {@code sark.} + {@code used_pct}. */
        public Builder names(String prefix, Collection<String> added) {
            added.forEach(name -> names.add(prefix + name));
            return this;
        }

        /**
         * The metrics of a load probe's warm-up: {@code warmup.} + {@code counted} (such as {@code warmup.ops}),
         * {@code warmup.errors}, {@code warmup.s}, {@code warmup.p50_ms} and {@code warmup.p99_ms}.
         */
        public Builder warmup(String counted) {
            return names("warmup.", List.of(counted, "errors", "s", "p50_ms", "p99_ms"));
        }

        /** The {@link #LATENCY_STATS} of a histogram whose metrics start with {@code prefix}. */
        public Builder latency(String prefix) {
            return names(prefix, LATENCY_STATS);
        }

        /**
         * Names the run decides: {@code prefix}, a part matching {@code free}, {@code suffix}; shown in messages as
         * {@code prefix + placeholder + suffix}, such as {@code status_NNN}.
         */
        public Builder pattern(String prefix, String free, String placeholder, String suffix) {
            patterns.add(new Free(prefix, Pattern.compile(free), suffix, prefix + placeholder + suffix));
            return this;
        }

        public MetricNames build() {
            return new MetricNames(Collections.unmodifiableSet(new LinkedHashSet<>(names)), List.copyOf(patterns));
        }
    }
}
