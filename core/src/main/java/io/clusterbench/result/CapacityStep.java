package io.clusterbench.result;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One load a capacity search measured: the load, how each of its rounds went, and the numbers behind the verdict.
 *
 * @param index the step's place in the search, from 1
 * @param load the knob's value, such as 400 (req/s) or 16 (connections)
 * @param verdict {@link #PASS} (every round met the SLO), {@link #FAIL} (a round did not) or
 *     {@link #GENERATOR_LIMIT} (the generator could not offer the load, so the step says nothing of the server)
 * @param roundsPassed how many of its rounds met the SLO
 * @param rounds how many rounds it measured
 * @param metrics the step's numbers, merged over its rounds: achieved load, p50, p99, errors, throughput, goodput
 * @param failed the SLO conditions some round missed, with the value that missed, such as {@code p99_ms <= 50
 *     (was 73.2)}; empty for a passed step
 */
public record CapacityStep(int index, double load, String verdict, int roundsPassed, int rounds,
        Map<String, Double> metrics, List<String> failed) {

    public static final String PASS = "pass";
    public static final String FAIL = "fail";
    public static final String GENERATOR_LIMIT = "generator-limit";

    public CapacityStep {
        Objects.requireNonNull(verdict, "verdict");
        metrics = Map.copyOf(metrics);
        failed = List.copyOf(failed);
    }

    /** Whether every round met the SLO. */
    public boolean passed() {
        return verdict.equals(PASS);
    }
}
